/// The SIGINT flag as the REPL sees it: set by the signal handler (in the `kubelab` executable,
/// where the C shim lives), read by long-running commands through `terminal.isInterrupted`.
public struct InterruptFlag {
    public var isSet: () -> Bool
    public var clear: () -> Void

    public init(isSet: @escaping () -> Bool, clear: @escaping () -> Void) {
        self.isSet = isSet
        self.clear = clear
    }
}
