//! Scratch buffers the JS layer writes into directly (the callback I/O buffer):
//! grown to a power of two, keeping what was written, and handed out by address. Growth is
//! fallible and capped, and a buffer shrinks back after a large input, so no input can make the
//! engine abort on allocation or keep its memory.

use std::cell::RefCell;

/// Makes `buffer` hold at least `len` items (and at least `min`), a power of two, and returns
/// its address in wasm memory, valid until the buffer changes size again. Returns 0 when `len`
/// is above `max`, the memory cannot be had, or the buffer is in use; it is then left as it was.
pub fn reserve<T: Clone + Default>(buffer: &RefCell<Vec<T>>, len: u32, min: usize, max: usize) -> u32 {
    let Ok(mut buffer) = buffer.try_borrow_mut() else { return 0 };
    let want = (len as usize).max(min);
    if want > max {
        return 0;
    }
    if buffer.len() < want {
        let target = want.checked_next_power_of_two().unwrap_or(want);
        let more = target - buffer.len();
        if buffer.try_reserve_exact(more).is_err() {
            return 0;
        }
        buffer.resize(target, T::default());
    }
    buffer.as_ptr() as usize as u32
}

/// Shrinks `buffer` to at most `keep` items (its content is scratch) and returns its address;
/// 0 while the buffer is in use.
pub fn shrink<T>(buffer: &RefCell<Vec<T>>, keep: usize) -> u32 {
    let Ok(mut buffer) = buffer.try_borrow_mut() else { return 0 };
    if buffer.len() > keep {
        buffer.truncate(keep);
        buffer.shrink_to_fit();
    }
    buffer.as_ptr() as usize as u32
}

/// How many items `buffer` holds (0 while it is in use).
pub fn capacity<T>(buffer: &RefCell<Vec<T>>) -> u32 {
    buffer.try_borrow().map_or(0, |b| b.len() as u32)
}
