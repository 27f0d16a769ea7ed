/**
 * A profile photo travels as a data URL of a raster or SVG image (no file store needed, and an
 * `<img>` never runs an SVG's scripts). The cap keeps search pages small: a photo is in every card.
 */
export const DOCTOR_PHOTO_MAX_LENGTH = 24_000;
export const DOCTOR_PHOTO_PATTERN = /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
