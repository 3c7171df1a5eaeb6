/// printf-style column helpers for the network tools' fixed layouts.
extension String {
    /// Left-justified in `width` columns (printf `%-Ns`).
    func leftJustified(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Right-justified in `width` columns (printf `%Ns`).
    func rightJustified(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
