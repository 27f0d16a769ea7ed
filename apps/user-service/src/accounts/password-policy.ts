import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '@arogyam/contracts';

/**
 * zxcvbn's score (0-4) a new password must reach: 3 is "safely unguessable" (about 10^8 guesses
 * and more). Below it are `password`, `12345678`, eight spaces, keyboard walks and the other
 * entries of the maintained common-password lists in @zxcvbn-ts/language-common.
 */
const MIN_SCORE = 3;

export const WEAK_PASSWORD_PROBLEM =
  'is too easy to guess (a common password, a pattern, a repetition or your own name or email); use a longer phrase of unrelated words';

/** Refuses the common and trivial passwords with a 400 naming the field; the password is never logged. */
@Injectable()
export class PasswordPolicy {
  // Built once: the dictionaries take a few milliseconds to index.
  private readonly zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

  /**
   * `personal`: what the account itself tells (email, name), which a guesser tries first. `field`:
   * the request's name for the password, where the problem is shown.
   */
  assertStrong(password: string, personal: string[], field = 'password'): void {
    const userInputs = personal.flatMap((value) => [value, ...value.split(/[@.\s_-]+/)]).filter(Boolean);
    if (this.zxcvbn.check(password, userInputs).score >= MIN_SCORE) return;
    throw DomainError.badRequest('This password is too easy to guess.', [
      { field, problem: WEAK_PASSWORD_PROBLEM },
    ]);
  }
}
