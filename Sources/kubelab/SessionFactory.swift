import KubeLabCLI

/// The one place that decides which session the executable runs; the lead swaps in
/// `Lab(options: options)` here.
func makeSession(_ options: LabOptions) -> LabSession {
    PlaceholderSession(options: options)
}
