//! Scratch buffers the JS layer writes into directly (the validation tape, callback inputs):
//! grown to a power of two, keeping what was written, and handed out by address. Growth is
//! fallible and capped, and a buffer shrinks back after a large input, so no input can make the
//! engine abort on allocation or keep its memory.

use std::cell::RefCell;

/// Makes `buffer` hold at least `len` items (and at least `min`) and returns its address in
/// wasm memory, valid until the buffer changes size again. Returns 0 when `len` is above `max`
/// or the memory cannot be had; the buffer is then left as it was.
pub fn reserve<T: Clone + Default>(buffer: &RefCell<Vec<T>>, len: u32, min: usize, max: usize) -> u32 {
    let mut buffer = buffer.borrow_mut();
    let want = (len as usize).max(min);
    if want > max {
        return 0;
    }
    if buffer.len() < want {
        let target = want.checked_next_power_of_two().unwrap_or(want).min(max);
        let more = target - buffer.len();
        if buffer.try_reserve_exact(more).is_err() {
            return 0;
        }
        buffer.resize(target, T::default());
    }
    buffer.as_ptr() as usize as u32
}

/// Shrinks `buffer` to at most `keep` items (its content is scratch) and returns its address.
pub fn shrink<T>(buffer: &RefCell<Vec<T>>, keep: usize) -> u32 {
    let mut buffer = buffer.borrow_mut();
    if buffer.len() > keep {
        buffer.truncate(keep);
        buffer.shrink_to_fit();
    }
    buffer.as_ptr() as usize as u32
}

/// How many items `buffer` holds.
pub fn capacity<T>(buffer: &RefCell<Vec<T>>) -> u32 {
    buffer.borrow().len() as u32
}
