/**
 * The displacement bias of a RIP-relative operand: what the patch builder needs to find
 * which unit a `foo(%rip)` reference really points at.
 */

/**
 * How far the end of the instruction holding a RIP-relative field at `field` lies past the
 * field's start: 4, plus the immediate that follows the displacement. The compiler biases
 * the addend by it (`cmpb $0, once(%rip)` has addend -5), so the target is addend + bias.
 * Decodes only what matters: a ModRM byte with mod 00, r/m 101 just before the field, and
 * the opcodes whose immediate follows it (Intel SDM vol. 2, opcode map, table ).
 * Anything else (a call, a jump, a plain load or store) has no immediate: 4.
 */
export function pcRelativeBias(code: Uint8Array, field: number): number {
  const modrm = code[field - 1];
  if (modrm === undefined || (modrm & 0xc7) !== 0x05) return 4;
  const reg = (modrm >> 3) & 7;
  const op = code[field - 2];
  const escape = code[field - 3] === 0x0f;
  if (code[field - 4] === 0x0f && code[field - 3] === 0x3a) return 5; // 0f 3a: all take an imm8
  // An operand-size prefix before the opcode (and its REX) makes a full immediate 2 bytes.
  const operandSize16 = (at: number) => {
    for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
      const b = code[i]!;
      if (b === 0x66) return true;
      if ((b & 0xf0) !== 0x40 && b !== 0xf0 && b !== 0xf2 && b !== 0xf3) return false;
    }
    return false;
  };
  if (escape) {
    // bt/bts/btr/btc with an immediate; shld/shrd imm8; SSE/AVX forms with an imm8.
    if (op === 0xba || op === 0xa4 || op === 0xac) return 5;
    if (
      op !== undefined &&
      (op === 0x70 || op === 0xc2 || op === 0xc4 || op === 0xc5 || op === 0xc6)
    )
      return 5;
    return 4;
  }
  switch (op) {
    case 0x80:
    case 0x82:
    case 0x83:
    case 0xc0:
    case 0xc1:
    case 0xc6:
    case 0x6b:
      return 5;
    case 0x81:
    case 0xc7:
    case 0x69:
      return operandSize16(field - 2) ? 6 : 8;
    case 0xf6:
      return reg <= 1 ? 5 : 4;
    case 0xf7:
      return reg <= 1 ? (operandSize16(field - 2) ? 6 : 8) : 4;
    default:
      return 4;
  }
}
