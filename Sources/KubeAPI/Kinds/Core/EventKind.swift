/// Event (v1, core group): what controllers and the kubelet report about an object; names are free-form.
extension KindDescriptor {
    static let event = KindDescriptor(
        ResourceType(kind: "Event", plural: "events", shortNames: ["ev"]),
        schema: CoreSchemas.event, nameRule: .none)
}
