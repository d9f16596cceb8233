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
export declare function pcRelativeBias(code: Uint8Array, field: number): number;
