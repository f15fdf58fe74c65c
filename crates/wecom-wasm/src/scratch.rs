//! Scratch buffers the JS layer writes into directly (the validation tape, callback inputs):
//! grown to a power of two, keeping what was written, and handed out by address.

use std::cell::RefCell;

/// Makes `buffer` hold at least `len` items (and at least `min`) and returns its address in
/// wasm memory, valid until the buffer grows again.
pub fn reserve<T: Clone + Default>(buffer: &RefCell<Vec<T>>, len: u32, min: usize) -> u32 {
    let mut buffer = buffer.borrow_mut();
    let want = (len as usize).max(min);
    if buffer.len() < want {
        buffer.resize(want.next_power_of_two(), T::default());
    }
    buffer.as_ptr() as usize as u32
}

/// How many items `buffer` holds.
pub fn capacity<T>(buffer: &RefCell<Vec<T>>) -> u32 {
    buffer.borrow().len() as u32
}
