/**
 * The privacy notice a person accepts when registering. A change to the text is a new version:
 * registration then refuses the older one (`privacy_notice_outdated`), so every account records
 * the version it agreed to. The text is served at `GET /api/privacy-notice` and shown by the apps.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-01';

export interface PrivacyNoticeSection {
  heading: string;
  text: string;
}

export interface PrivacyNoticeView {
  version: string;
  sections: PrivacyNoticeSection[];
}

/** What an account records of the notice its owner accepted. */
export interface PrivacyNoticeAcceptance {
  version: string;
  acceptedAt: string;
}

export const PRIVACY_NOTICE: PrivacyNoticeView = {
  version: PRIVACY_NOTICE_VERSION,
  sections: [
    {
      heading: 'Who we are',
      text: 'Arogyam connects patients with verified doctors for appointments, chat, video visits, prescriptions and health records.',
    },
    {
      heading: 'What we keep',
      text: 'Your account (email, name, password in a form no one can read back), your profile, medical profile, uploaded health records, appointments and their reasons, chat messages, prescriptions, payments, notifications, reviews and video call times.',
    },
    {
      heading: 'Who sees it',
      text: 'Your doctors see your records only while you are in their care, and only those you share. Every read of your clinical data is recorded, and you can see who viewed your records.',
    },
    {
      heading: 'Your rights',
      text: 'You can download everything we hold about you, as one archive, from "Your data" in the app, and you can ask us to delete your account.',
    },
    {
      heading: 'Changes',
      text: 'When this notice changes it gets a new version, and we ask you to read and accept it.',
    },
  ],
};
