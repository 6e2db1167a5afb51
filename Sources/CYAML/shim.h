#include <yaml.h>

/* What FlowSpecYAML's EventPipe needs to hand libyaml's events from one thread to another: counters
   read with acquire and written with release ordering, and a pause for spinning. Swift's own atomics
   need macOS 15; the package supports macOS 14. */
static inline long fs_load_acquire(const long *counter) { return __atomic_load_n(counter, __ATOMIC_ACQUIRE); }
static inline void fs_store_release(long *counter, long value) { __atomic_store_n(counter, value, __ATOMIC_RELEASE); }
/* Sequentially consistent: a sleeper's "wake me at" and the maker's count must not both read stale. */
static inline long fs_load_seq(const long *counter) { return __atomic_load_n(counter, __ATOMIC_SEQ_CST); }
static inline void fs_store_seq(long *counter, long value) { __atomic_store_n(counter, value, __ATOMIC_SEQ_CST); }
static inline void fs_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}
