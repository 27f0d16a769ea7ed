export * from './pdf-document';
export * from './pdf-fonts';
export * from './script-runs';
