/// Binding (v1): a scheduling decision posted to the binding subresource; stored as given.
extension KindDescriptor {
    static let binding = KindDescriptor(
        ResourceType(kind: "Binding", plural: "bindings"))
}
