using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace DaprSync.NetSuiteSapi.Tests.Soap;

/// <summary>
/// The official SuiteTalk 2023_2 XSD set under the shared folder (<c>DAPRSYNC_SHARED_DIR</c>, or <c>shared</c> beside
/// the clone), when present. Validates the body element and the <c>tokenPassport</c> header of a captured SOAP envelope.
/// </summary>
internal static class SuiteTalkSchema
{
    private static readonly Lazy<XmlSchemaSet?> Schemas = new(Load);

    public static string Folder { get; } =
        TestSupport.SharedDirectory.PathOf("reference", "netsuite", "suitetalk-2023_2", "xsd");

    /// <summary>Returns the schema set, or skips the test when the reference folder is absent.</summary>
    public static XmlSchemaSet Require()
    {
        SkipWhenAbsent();
        return Schemas.Value!;
    }

    public static void SkipWhenAbsent()
    {
        if (!Directory.Exists(Folder))
        {
            Assert.Skip($"The SuiteTalk 2023_2 schema is not at {Folder}, so captured requests are not validated.");
        }
    }

    /// <summary>Returns every validation error of the envelope's header and body, empty when it is valid.</summary>
    public static List<string> Validate(XDocument envelope)
    {
        SkipWhenAbsent();
        XNamespace soap = "http://schemas.xmlsoap.org/soap/envelope/";
        var parts = envelope.Root!.Element(soap + "Header")!.Elements()
            .Concat(envelope.Root.Element(soap + "Body")!.Elements());
        var errors = new List<string>();
        foreach (var part in parts)
        {
            var copy = new XElement(part);
            foreach (var declaration in part.Ancestors().SelectMany(a => a.Attributes()).Where(a => a.IsNamespaceDeclaration))
            {
                if (copy.Attribute(declaration.Name) is null)
                {
                    copy.Add(new XAttribute(declaration.Name, declaration.Value));
                }
            }

            new XDocument(copy).Validate(Require(), (_, args) => errors.Add($"{part.Name.LocalName}: {args.Message}"));
        }

        return errors;
    }

    private static XmlSchemaSet? Load()
    {
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        // One wrapper imports both root files, so each shared file (core, common, faults) is loaded once.
        var wrapper = new XmlSchema();
        foreach (var (ns, file) in new[]
                 {
                     ("urn:messages_2023_2.platform.webservices.netsuite.com", "platform.messages.xsd"),
                     ("urn:sales_2023_2.transactions.webservices.netsuite.com", "transactions.sales.xsd"),
                 })
        {
            wrapper.Includes.Add(new XmlSchemaImport
            {
                Namespace = ns,
                SchemaLocation = new Uri(Path.Combine(Folder, file)).AbsoluteUri,
            });
        }

        var set = new XmlSchemaSet { XmlResolver = new SlashCollapsingResolver() };
        set.Add(wrapper);
        set.Compile();
        return set;
    }

    // The schema files import each other as ".//platform.core.xsd". Without collapsing the double slash, one file
    // is loaded under two URIs and its types are reported as declared twice.
    private sealed class SlashCollapsingResolver : XmlUrlResolver
    {
        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            var resolved = base.ResolveUri(baseUri, relativeUri);
            return resolved.IsFile ? new Uri(Path.GetFullPath(resolved.LocalPath.Replace("//", "/"))) : resolved;
        }
    }
}
