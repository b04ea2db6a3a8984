import { describe, expect, it } from 'vitest';
import { CalculatorError, evaluateArithmetic } from './web-chat-calculator';

describe('evaluateArithmetic', () => {
  it.each([
    ['12*7', 84],
    ['2 + 3 * 4', 14],
    ['(2 + 3) * 4', 20],
    ['2^3^2', 512],
    ['-2^2', -4],
    ['10 / 4', 2.5],
    ['17 % 5', 2],
    ['3 x 4', 12],
    ['6×7', 42],
    ['--3', 3],
    [' 1.5 + .5 ', 2],
  ])('%s = %d', (expression, expected) => {
    expect(evaluateArithmetic(expression)).toBe(expected);
  });

  it.each([
    ['', /expected a number/],
    ['2 +', /expected a number at position 4/],
    ['(1 + 2', /expected "\)"/],
    ['1 / 0', /division by zero/],
    ['1.2.3', /expected a number/],
    ['2 ** 3', /expected a number/],
    ['alert(1)', /expected a number at position 1/],
    ['9^9^9', /not a finite number/],
  ])('rejects %j', (expression, message) => {
    expect(() => evaluateArithmetic(expression)).toThrow(message);
  });

  it('bounds length and nesting', () => {
    expect(() => evaluateArithmetic('1+'.repeat(101) + '1')).toThrow(CalculatorError);
    expect(() => evaluateArithmetic(`${'('.repeat(40)}1${')'.repeat(40)}`)).toThrow(
      /too deeply nested/,
    );
    expect(() => evaluateArithmetic(`${'-'.repeat(40)}1`)).toThrow(/too many signs/);
  });
});
