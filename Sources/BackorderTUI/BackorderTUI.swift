/// The full-screen backorder UI: state, actions, the reducer, views and the keymap.
public enum BackorderTUI {}
