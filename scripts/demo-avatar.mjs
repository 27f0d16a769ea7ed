// A doctor's demo portrait, drawn by code so that it is ours to ship: a head-and-shoulders
// illustration whose skin, hair, coat and background follow from the name, so every seed draws
// the same picture for the same doctor. Answered as a data URL, as the profile's `photo` takes it.

const BACKGROUNDS = ['#dbeafe', '#dcfce7', '#fef3c7', '#fce7f3', '#ede9fe', '#e0f2fe', '#ffedd5', '#f1f5f9'];
const SKINS = ['#8d5524', '#a0662f', '#c68642', '#b97a4a', '#7a4a24', '#d19a6a'];
const HAIR = ['#1f1b16', '#2f241c', '#3b2a1e', '#4a4a4a', '#151515'];
const TOPS = ['#0f766e', '#1d4ed8', '#7c3aed', '#be123c', '#334155', '#0369a1'];

/** FNV-1a: a small stable hash, enough to pick colours. */
function hash(text) {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ char.codePointAt(0), 0x01000193) >>> 0;
  return h;
}

const pick = (list, seed, shift) => list[(seed >>> shift) % list.length];

/** `longHair` draws hair past the shoulders line; the rest is the same figure. */
export function demoAvatar(name, { longHair = false } = {}) {
  const seed = hash(name);
  const skin = pick(SKINS, seed, 0);
  const hair = pick(HAIR, seed, 5);
  const top = pick(TOPS, seed, 9);
  const background = pick(BACKGROUNDS, seed, 13);
  const back = longHair ? `<path d="M30 58c0-26 14-38 34-38s34 12 34 38v34H30z" fill="${hair}"/>` : '';
  const svg = [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">',
    `<rect width="128" height="128" fill="${background}"/>`,
    back,
    `<path d="M18 128c2-26 20-38 46-38s44 12 46 38z" fill="#ffffff"/>`,
    `<path d="M50 92l14 20 14-20 8 36H42z" fill="${top}"/>`,
    `<rect x="55" y="72" width="18" height="20" rx="6" fill="${skin}"/>`,
    `<ellipse cx="64" cy="56" rx="22" ry="25" fill="${skin}"/>`,
    `<path d="M41 52c0-18 10-26 23-26s23 8 23 26c-6-9-14-13-23-13s-17 4-23 13z" fill="${hair}"/>`,
    `<circle cx="56" cy="58" r="2.4" fill="#1f1b16"/><circle cx="72" cy="58" r="2.4" fill="#1f1b16"/>`,
    `<path d="M57 69q7 5 14 0" stroke="#5a2e1a" stroke-width="2" fill="none" stroke-linecap="round"/>`,
    `<path d="M42 104q-4 12 6 14" stroke="#475569" stroke-width="3" fill="none"/><circle cx="49" cy="118" r="3" fill="#475569"/>`,
    '</svg>',
  ].join('');
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
