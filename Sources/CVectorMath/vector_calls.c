// The loops of vector_calls.h, in assembly: see there for why. Each keeps its pointer and
// count in callee-saved registers across the libmvec calls, keeps the stack 16-byte aligned
// at each call, and clears the upper halves of the vector registers before it returns.
#include "vector_calls.h"

#if defined(__x86_64__)

__asm__(".section .rodata\n"
        ".p2align 3\n"
        "sg_sign_bit:\n"
        "  .quad 0x8000000000000000\n");

/// A loop applying `function` to `vectors` (%rsi) vectors of `bytes` bytes at %rdi, in
/// register `reg` (zmm or ymm), with `after` run on each result.
#define VECTOR_LOOP(name, bytes, reg, function, after)                                       \
  __asm__(".text\n"                                                                          \
          ".p2align 4\n"                                                                     \
          ".globl " #name "\n"                                                               \
          ".hidden " #name "\n"                                                              \
          ".type " #name ", @function\n" #name ":\n"                                         \
          "  .cfi_startproc\n"                                                               \
          "  push %rbx\n"                                                                    \
          "  .cfi_adjust_cfa_offset 8\n"                                                     \
          "  .cfi_rel_offset %rbx, 0\n"                                                      \
          "  push %r12\n"                                                                    \
          "  .cfi_adjust_cfa_offset 8\n"                                                     \
          "  .cfi_rel_offset %r12, 0\n"                                                      \
          "  sub $8, %rsp\n"                                                                 \
          "  .cfi_adjust_cfa_offset 8\n"                                                     \
          "  mov %rdi, %rbx\n"                                                               \
          "  mov %rsi, %r12\n"                                                               \
          "  test %r12, %r12\n"                                                              \
          "  jle 2f\n"                                                                       \
          "1:\n"                                                                             \
          "  vmovupd (%rbx), %" reg "0\n"                                                    \
          "  call " function "@PLT\n" after "  vmovupd %" reg "0, (%rbx)\n"                  \
          "  add $" #bytes ", %rbx\n"                                                        \
          "  dec %r12\n"                                                                     \
          "  jnz 1b\n"                                                                       \
          "2:\n"                                                                             \
          "  add $8, %rsp\n"                                                                 \
          "  .cfi_adjust_cfa_offset -8\n"                                                    \
          "  pop %r12\n"                                                                     \
          "  .cfi_adjust_cfa_offset -8\n"                                                    \
          "  .cfi_restore %r12\n"                                                            \
          "  pop %rbx\n"                                                                     \
          "  .cfi_adjust_cfa_offset -8\n"                                                    \
          "  .cfi_restore %rbx\n"                                                            \
          "  vzeroupper\n"                                                                   \
          "  ret\n"                                                                          \
          "  .cfi_endproc\n"                                                                 \
          ".size " #name ", .-" #name "\n")

#define KEEP ""
#define NEGATE_ZMM "  vpxorq sg_sign_bit(%rip){1to8}, %zmm0, %zmm0\n"
#define NEGATE_YMM                                                                           \
  "  vbroadcastsd sg_sign_bit(%rip), %ymm1\n"                                                \
  "  vxorpd %ymm1, %ymm0, %ymm0\n"

VECTOR_LOOP(sg_zmm_log, 64, "zmm", "_ZGVeN8v_log", KEEP);
VECTOR_LOOP(sg_zmm_neglog, 64, "zmm", "_ZGVeN8v_log", NEGATE_ZMM);
VECTOR_LOOP(sg_zmm_exp, 64, "zmm", "_ZGVeN8v_exp", KEEP);
VECTOR_LOOP(sg_ymm_log, 32, "ymm", "_ZGVdN4v_log", KEEP);
VECTOR_LOOP(sg_ymm_neglog, 32, "ymm", "_ZGVdN4v_log", NEGATE_YMM);
VECTOR_LOOP(sg_ymm_exp, 32, "ymm", "_ZGVdN4v_exp", KEEP);

#endif
