import { fieldErrorsFrom } from '../hooks/use-form-errors';
import { problemSentence } from './field-problem-sentences';

describe('problemSentence', () => {
  it.each([
    ['must be an email', 'Enter an email address, like name@example.com.'],
    ['must not be empty', 'This is required.'],
    ['must be longer than or equal to 8 characters', 'Use at least 8 characters.'],
    ['must be shorter than or equal to 200 characters', 'Use at most 200 characters.'],
    ['must be longer than or equal to 1 characters', 'This is required.'],
    [
      'each value in chronicConditions must be shorter than or equal to 120 characters',
      'Each entry: use at most 120 characters.',
    ],
    ['must not be less than 0', 'Enter 0 or more.'],
    ['must not be greater than 720', 'Enter 720 or less.'],
    ['must be one of the following values: video,chat,in_person', 'Choose one of: video, chat, in_person.'],
    ['property isAdmin should not exist', 'This field is not accepted here.'],
  ])('says "%s" as "%s"', (problem, sentence) => {
    expect(problemSentence(problem)).toBe(sentence);
  });

  it('keeps a problem no rule knows, as a sentence', () => {
    expect(problemSentence('must be a date from 1900-01-01 to today')).toBe(
      'Must be a date from 1900-01-01 to today.',
    );
    expect(problemSentence('This password is too common.')).toBe('This password is too common.');
  });

  it('puts the sentence beside the field and its top-level field', () => {
    expect(
      fieldErrorsFrom([{ field: 'consultationFee.amount', problem: 'must not be less than 0' }]),
    ).toEqual({
      'consultationFee.amount': 'Enter 0 or more.',
      consultationFee: 'Enter 0 or more.',
    });
  });
});
