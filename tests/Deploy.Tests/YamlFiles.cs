using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace DaprSync.Deploy.Tests;

/// <summary>Reads YAML files into plain dictionaries and lists, one object per document.</summary>
internal static class YamlFiles
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<Dictionary<object, object>> ReadDocuments(string path)
    {
        using var reader = new StringReader(System.IO.File.ReadAllText(path));
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();

        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<Dictionary<object, object>?>(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object> ReadSingle(string path) => Assert.Single(ReadDocuments(path));

    /// <summary>Returns the value at a path of mapping keys, or null when any step is missing.</summary>
    public static object? At(this Dictionary<object, object> node, params string[] keys)
    {
        object? current = node;
        foreach (var key in keys)
        {
            if (current is not Dictionary<object, object> mapping || !mapping.TryGetValue(key, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string? StringAt(this Dictionary<object, object> node, params string[] keys) =>
        node.At(keys) as string;

    public static IEnumerable<Dictionary<object, object>> MappingsAt(
        this Dictionary<object, object> node, params string[] keys) =>
        (node.At(keys) as List<object> ?? []).OfType<Dictionary<object, object>>();

    public static IEnumerable<string> StringsAt(this Dictionary<object, object> node, params string[] keys) =>
        (node.At(keys) as List<object> ?? []).OfType<string>();
}
