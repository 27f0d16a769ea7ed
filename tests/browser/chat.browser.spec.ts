import type { Page } from 'playwright-core';
import { waitFor } from '@arogyam/testing';
import { httpClient } from '../e2e/http';
import { registerPatient, verifiedDoctorWithHours, type Person } from '../e2e/people';
import { signInAdmin, startPlatform, type Platform } from '../e2e/platform';
import { closeAfterTests, accountOf, logIn, openBrowserApps, type Account, type BrowserApps } from './flows';

interface Slot {
  startAt: string;
  available: boolean;
}

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;
let apps: BrowserApps<'patient' | 'doctor'>;

const unique = Math.random().toString(36).slice(2, 7);
const doctorName = `Dr Meera Iyer ${unique}`;
const patientName = `Arjun Rao ${unique}`;
let doctor: Person;
let patient: Person;
let doctorAccount: Account;
let patientAccount: Account;

beforeAll(async () => {
  platform = await startPlatform();
  call = httpClient(platform.baseUrl);
  // Both people and the booking come through the API: the browser part of this test is the chat.
  adminToken = (await signInAdmin(call)).token;
  [doctor, patient] = await Promise.all([
    verifiedDoctorWithHours(call, adminToken, doctorName),
    registerPatient(call, patientName),
  ]);
  [doctorAccount, patientAccount] = await Promise.all([
    accountOf(call, 'doctor', doctor),
    accountOf(call, 'patient', patient),
  ]);

  // The booking opens the pair's chat room and tells the doctor (an unread notification).
  await bookChat(patient);
  await waitFor(async () => (await unreadOf(doctor)) > 0, 15000, "the doctor's booking notification");

  apps = await openBrowserApps(platform.baseUrl, ['patient', 'doctor']);
}, 120000);

closeAfterTests('chat', () => ({ apps, platform }));

/** Books the patient's first free slot of tomorrow with the doctor; answers the pair's chat room, once it is open. */
async function bookChat(who: Person): Promise<string> {
  const from = new Date(Date.now() + 24 * 3_600_000).toISOString();
  const to = new Date(Date.now() + 48 * 3_600_000).toISOString();
  const slots = await call<{ slots: Slot[] }>(
    'GET',
    `/api/doctors/${doctor.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  const slot = slots.body.slots.find((candidate) => candidate.available);
  const booking = await call('POST', '/api/appointments', {
    token: who.token,
    body: { doctorId: doctor.id, startAt: slot?.startAt, mode: 'chat', reason: 'Follow-up on blood tests' },
  });
  expect(booking.status).toBe(201);
  const roomId = `${doctor.id}:${who.id}`;
  await waitFor(
    async () =>
      (await call('GET', `/api/chat/rooms/${encodeURIComponent(roomId)}`, { token: who.token })).status ===
      200,
    15000,
    'the chat room of the booking',
  );
  return roomId;
}

async function unreadOf(person: Person): Promise<number> {
  const inbox = await call<{ unreadCount: number }>('GET', '/api/notifications', { token: person.token });
  return inbox.body.unreadCount;
}

/** Signs in and opens Messages from the header. */
async function openMessages(page: Page, appUrl: string, account: Account): Promise<void> {
  await logIn(page, appUrl, account);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  await connection(page, 'Connected').waitFor();
}

/** Opens the conversation with `other` from the room list. */
async function openRoom(page: Page, other: string): Promise<void> {
  await rooms(page).getByRole('link', { name: other }).click();
  await page.getByRole('heading', { level: 2, name: other }).waitFor();
}

const rooms = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const connection = (page: Page, state: string) =>
  page.getByRole('status').filter({ hasText: new RegExp(`^${state}$`) });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const messageItem = (page: Page, text: string) =>
  page
    .getByRole('region', { name: /^Messages with / })
    .getByRole('listitem')
    .filter({ hasText: text });
const bell = (page: Page, unread: number) =>
  page.getByRole('button', { name: `Notifications, ${unread} unread`, exact: true });

async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(composer(page).inputValue()).resolves.toBe('');
}

test('patient and doctor chat live: unread, typing, read ticks (also after a reload), replies, the bell, a retry after going offline, and a suspension', async () => {
  const patientPage = await apps.pages.open();
  const doctorPage = await apps.pages.open();
  await openMessages(patientPage, apps.urls.patient, patientAccount);
  await openRoom(patientPage, doctorName);
  await openMessages(doctorPage, apps.urls.doctor, doctorAccount);
  // The doctor's bell starts from the inbox's unread count (the booking).
  const unreadBefore = await unreadOf(doctor);
  await bell(doctorPage, unreadBefore).waitFor();

  // The patient writes first; the doctor, not in the room yet, sees it counted as unread and rung.
  const question = `Are my results back? <b>${unique}</b>`;
  await send(patientPage, question);
  await messageItem(patientPage, question).getByText('Sent', { exact: true }).waitFor();
  await rooms(doctorPage)
    .getByRole('link', { name: new RegExp(`^${patientName}\\W+1 unread`) })
    .waitFor();
  await bell(doctorPage, unreadBefore + 1).waitFor();

  // The doctor opens the room and sees the message, as text (the markup arrives as typed)...
  await openRoom(doctorPage, patientName);
  await messageItem(doctorPage, question).waitFor();
  expect(await doctorPage.locator('.message-body b').count()).toBe(0);
  // ...so the patient's message now reads "Read", and reading the room cleared its notification:
  // the doctor's bell is back where it started, live.
  await messageItem(patientPage, question).getByText('Read', { exact: true }).waitFor();
  await bell(doctorPage, unreadBefore).waitFor();

  // The tick survives a reload: the room carries the doctor's read pointer.
  await patientPage.reload();
  await connection(patientPage, 'Connected').waitFor();
  await messageItem(patientPage, question).getByText('Read', { exact: true }).waitFor();

  // The patient types: the doctor sees it, until the message arrives.
  const followUp = `Also, should I keep fasting? ${unique}`;
  // Typed at a person's pace: the page's socket rejoins the room after the reload meanwhile, and a
  // keystroke before that is signalled by the next one.
  await composer(patientPage).pressSequentially(followUp.slice(0, 12), { delay: 60 });
  await doctorPage.getByText(`${patientName} is typing…`).waitFor();
  await send(patientPage, followUp);
  await messageItem(doctorPage, followUp).waitFor();
  await doctorPage.getByText(`${patientName} is typing…`).waitFor({ state: 'detached' });

  // The doctor's bell lists the first message's notification as read (the room was read) and the
  // booking's as unread, which is marked read from the panel.
  await bell(doctorPage, unreadBefore).click();
  const panel = doctorPage.getByRole('region', { name: 'Notifications' });
  const chatNotice = panel.getByRole('listitem').filter({ hasText: question });
  await chatNotice.getByRole('link', { name: `New message from ${patientName}` }).waitFor();
  await expect(chatNotice.getByText('Unread:').count()).resolves.toBe(0);
  const bookingNotice = panel
    .getByRole('listitem')
    .filter({ hasText: `New appointment with ${patientName}` });
  await bookingNotice.getByRole('button', { name: /^Mark as read/ }).click();
  await bell(doctorPage, unreadBefore - 1).waitFor();
  await doctorPage.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });

  // The doctor replies (Enter sends); the patient sees the reply.
  const reply = `Yes, all normal ${unique}. No need to fast.`;
  await composer(doctorPage).fill(reply);
  await composer(doctorPage).press('Enter');
  await messageItem(patientPage, reply).waitFor();

  // The patient goes offline: what they send is "Not sent"; what the doctor sends meanwhile comes on rejoin.
  await patientPage.context().setOffline(true);
  await connection(patientPage, 'Offline').waitFor();
  const offline = `Thank you, doctor ${unique}`;
  await send(patientPage, offline);
  await messageItem(patientPage, offline).getByText('Not sent').waitFor();
  const meanwhile = `Take care ${unique}`;
  await send(doctorPage, meanwhile);
  await patientPage.context().setOffline(false);
  await connection(patientPage, 'Connected').waitFor();
  await messageItem(patientPage, meanwhile).waitFor();

  // Retry sends it again with the same clientId: the doctor gets it once, and the room holds it once.
  await messageItem(patientPage, offline).getByRole('button', { name: 'Retry' }).click();
  await messageItem(patientPage, offline)
    .getByText(/^(Sent|Read)$/)
    .waitFor();
  await messageItem(doctorPage, offline).waitFor();
  const history = await call<{ items: { body: string }[] }>(
    'GET',
    `/api/chat/rooms/${encodeURIComponent(`${doctor.id}:${patient.id}`)}/messages`,
    { token: patient.token },
  );
  expect(history.body.items.map((message) => message.body)).toEqual([
    offline,
    meanwhile,
    reply,
    followUp,
    question,
  ]);
  expect(await messageItem(patientPage, offline).count()).toBe(1);

  // An admin suspends the patient: the open app is signed out at once, and signing in says why.
  const suspension = await call('POST', `/api/admin/users/${patient.id}/suspend`, { token: adminToken });
  expect(suspension.status).toBe(200);
  await patientPage.waitForURL((url) => url.pathname.endsWith('/login'));
  await patientPage.getByLabel('Email').fill(patientAccount.email);
  await patientPage.getByLabel('Password').fill(patientAccount.password);
  await patientPage.getByRole('button', { name: 'Log in' }).click();
  await patientPage.getByText('This account is suspended. Please contact support.').waitFor();
}, 120000);

test('a long conversation opens at its newest messages and pages back to the first', async () => {
  const reader = await registerPatient(call, `Lata Menon ${unique}`);
  const roomId = await bookChat(reader);
  // More than the first page (30) holds.
  for (let n = 1; n <= 35; n += 1) {
    const sent = await call('POST', `/api/chat/rooms/${encodeURIComponent(roomId)}/messages`, {
      token: doctor.token,
      body: { body: `Note ${n} of 35` },
    });
    expect(sent.status).toBe(201);
  }

  const page = await apps.pages.open();
  await openMessages(page, apps.urls.patient, await accountOf(call, 'patient', reader));
  await rooms(page)
    .getByRole('link', { name: new RegExp(`^${doctorName}\\W+35 unread`) })
    .waitFor();
  await openRoom(page, doctorName);
  const conversation = page.getByRole('region', { name: /^Messages with / });
  const items = conversation.getByRole('listitem');
  await items.last().filter({ hasText: 'Note 35 of 35' }).waitFor();
  await expect(items.count()).resolves.toBe(30);
  await expect(items.first().textContent()).resolves.toContain('Note 6 of 35');
  // It opens at the newest message, which counts as read: the server's unread count drops to 0.
  const belowView = await conversation.evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight);
  expect(belowView).toBeLessThan(50);
  const unread = async () =>
    (
      await call<{ unreadCount: number }>('GET', `/api/chat/rooms/${encodeURIComponent(roomId)}`, {
        token: reader.token,
      })
    ).body.unreadCount;
  await waitFor(async () => (await unread()) === 0, 10000, 'the room to be read');

  // Clicked where it stands: scrolling it into view, as a pointer click does, reaches the top of
  // the conversation, which loads the earlier page by itself (MessageList) and can take the button
  // away under the click.
  await page.getByRole('button', { name: 'Load earlier messages' }).dispatchEvent('click');
  await items.first().filter({ hasText: 'Note 1 of 35' }).waitFor();
  await expect(items.count()).resolves.toBe(35);
  await page.getByRole('button', { name: 'Load earlier messages' }).waitFor({ state: 'detached' });
  // Read up to the newest: with no room open, the room list counts nothing unread.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
  await page.getByText('Choose a conversation').waitFor();
  await rooms(page).getByRole('link', { name: doctorName }).waitFor();
  await expect(
    rooms(page)
      .getByText(/unread/)
      .count(),
  ).resolves.toBe(0);
}, 120000);

test('a password change signs the other devices out at once and keeps the live chat of the tab that changed it', async () => {
  const changer = await registerPatient(call, `Nila Varma ${unique}`);
  const roomId = await bookChat(changer);
  const account = await accountOf(call, 'patient', changer);
  const here = await apps.pages.open();
  const elsewhere = await apps.pages.open();
  await openMessages(here, apps.urls.patient, account);
  await openMessages(elsewhere, apps.urls.patient, account);

  // Changed on the profile page, reached within the app: the page keeps its realtime connection.
  const nav = here.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'My profile' }).click();
  const form = here.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill(account.password);
  await form.getByLabel('New password', { exact: true }).fill('saffron lantern quay 91');
  await form.getByLabel('Confirm new password').fill('saffron lantern quay 91');
  await form.getByRole('button', { name: 'Change password' }).click();
  await form.getByText('Your password has been changed. Other devices were signed out.').waitFor();

  // The other device did nothing, and is signed out: its connection's session ended with the change.
  await elsewhere.waitForURL((url) => url.pathname.endsWith('/login'), { timeout: 20000 });

  // This tab's connection came back on the new session, and the doctor's next message arrives live.
  await nav.getByRole('link', { name: 'Messages' }).click();
  await connection(here, 'Connected').waitFor();
  await openRoom(here, doctorName);
  const live = `Your new password is set, see you tomorrow ${unique}`;
  const sent = await call('POST', `/api/chat/rooms/${encodeURIComponent(roomId)}/messages`, {
    token: doctor.token,
    body: { body: live },
  });
  expect(sent.status).toBe(201);
  await messageItem(here, live).waitFor();
}, 120000);
