/// PodTemplate (v1): a stored pod template.
extension KindDescriptor {
    static let podTemplate = KindDescriptor(
        ResourceType(kind: "PodTemplate", plural: "podtemplates"),
        schema: PolicySchemas.podTemplate, defaults: { obj, _, _ in Defaulting.child(&obj, "template", Defaulting.podTemplate) })
}
