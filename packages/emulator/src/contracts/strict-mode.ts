/**
 * Strict mode: the emulator enforces every upstream contract (the default). A test that needs
 * the lenient gateway of old can start the emulator with `strict: false` (CLI `--lenient`) or
 * send `x-emulator-contracts: off` on one request.
 */
import { type Ctx, header } from '../context.ts';

export function contractsEnforced(ctx: Ctx): boolean {
  if (header(ctx, 'x-emulator-contracts') === 'off') return false;
  return ctx.state.strict;
}
