/// The namespace of utility implementations; each is a `ShellCommand`.
public enum Utilities {}
