namespace DaprSync.Contracts.Geography;

/// <summary>
/// Names in common use that differ from the ISO short name: former names, local-language names,
/// constituent countries and abbreviations. One alias per line, <c>alias | alpha-2</c>.
/// </summary>
internal static class CountryAliases
{
    public const string Aliases = """
        UK | GB
        U.K. | GB
        United Kingdom | GB
        Great Britain | GB
        Britain | GB
        England | GB
        Scotland | GB
        Wales | GB
        Northern Ireland | GB
        US | US
        U.S. | US
        USA | US
        U.S.A. | US
        United States | US
        America | US
        Holland | NL
        Netherlands | NL
        Nederland | NL
        Deutschland | DE
        Czech Republic | CZ
        Turkey | TR
        Russia | RU
        South Korea | KR
        Korea, South | KR
        Republic of Korea | KR
        North Korea | KP
        Korea, North | KP
        Ivory Coast | CI
        Bolivia | BO
        Venezuela | VE
        Iran | IR
        Syria | SY
        Laos | LA
        Vietnam | VN
        Moldova | MD
        Tanzania | TZ
        Taiwan | TW
        Macedonia | MK
        Swaziland | SZ
        Cape Verde | CV
        Burma | MM
        Vatican | VA
        Vatican City | VA
        Brunei | BN
        Micronesia | FM
        Palestine | PS
        Democratic Republic of the Congo | CD
        DR Congo | CD
        DRC | CD
        Congo-Kinshasa | CD
        Republic of the Congo | CG
        Congo-Brazzaville | CG
        East Timor | TL
        Falkland Islands | FK
        UAE | AE
        Emirates | AE
        Bosnia | BA
        Trinidad | TT
        Saint Helena | SH
        Sint Maarten | SX
        Saint Martin | MF
        British Virgin Islands | VG
        US Virgin Islands | VI
        Macau | MO
        Hong Kong SAR | HK
        Mainland China | CN
        People's Republic of China | CN
        España | ES
        Schweiz | CH
        Suisse | CH
        Svizzera | CH
        Österreich | AT
        Belgique | BE
        België | BE
        Brasil | BR
        México | MX
        Italia | IT
        Norge | NO
        Sverige | SE
        Suomi | FI
        Danmark | DK
        Polska | PL
        Éire | IE
        Republic of Ireland | IE
        Hellas | GR
        """;
}
