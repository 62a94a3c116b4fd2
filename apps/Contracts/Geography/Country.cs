namespace DaprSync.Contracts.Geography;

/// <summary>A country of ISO 3166-1, with its two- and three-letter codes and English short name.</summary>
public sealed record Country(string Alpha2, string Alpha3, string Name);
