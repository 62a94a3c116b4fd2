namespace DaprSync.Contracts.Geography;

/// <summary>
/// The ISO 3166-1 table, one country per line: alpha-2, alpha-3, English short name and the value of NetSuite's
/// SOAP <c>Country</c> enum (SuiteTalk 2023_2, <c>platformCommonTyp:Country</c>), separated by <c>|</c>.
/// </summary>
/// <remarks>
/// The enum keeps NetSuite's own spelling, which differs from the ISO name for some countries (<c>_unitedKingdom</c>,
/// <c>_koreaTheRepublicOf</c>). NOTE: three enum values have no ISO 3166-1 country and so no row here:
/// <c>_canaryIslands</c>, <c>_ceutaAndMelilla</c> and <c>_kosovo</c>.
/// </remarks>
internal static class CountryData
{
    public const string Countries = """
        AD | AND | Andorra                                              | _andorra
        AE | ARE | United Arab Emirates                                 | _unitedArabEmirates
        AF | AFG | Afghanistan                                          | _afghanistan
        AG | ATG | Antigua and Barbuda                                  | _antiguaAndBarbuda
        AI | AIA | Anguilla                                             | _anguilla
        AL | ALB | Albania                                              | _albania
        AM | ARM | Armenia                                              | _armenia
        AO | AGO | Angola                                               | _angola
        AQ | ATA | Antarctica                                           | _antarctica
        AR | ARG | Argentina                                            | _argentina
        AS | ASM | American Samoa                                       | _americanSamoa
        AT | AUT | Austria                                              | _austria
        AU | AUS | Australia                                            | _australia
        AW | ABW | Aruba                                                | _aruba
        AX | ALA | Åland Islands                                        | _alandIslands
        AZ | AZE | Azerbaijan                                           | _azerbaijan
        BA | BIH | Bosnia and Herzegovina                               | _bosniaAndHerzegovina
        BB | BRB | Barbados                                             | _barbados
        BD | BGD | Bangladesh                                           | _bangladesh
        BE | BEL | Belgium                                              | _belgium
        BF | BFA | Burkina Faso                                         | _burkinaFaso
        BG | BGR | Bulgaria                                             | _bulgaria
        BH | BHR | Bahrain                                              | _bahrain
        BI | BDI | Burundi                                              | _burundi
        BJ | BEN | Benin                                                | _benin
        BL | BLM | Saint Barthélemy                                     | _saintBarthelemy
        BM | BMU | Bermuda                                              | _bermuda
        BN | BRN | Brunei Darussalam                                    | _bruneiDarussalam
        BO | BOL | Bolivia, Plurinational State of                      | _boliviaPlurinationalStateOf
        BQ | BES | Bonaire, Sint Eustatius and Saba                     | _bonaireSintEustatiusAndSaba
        BR | BRA | Brazil                                               | _brazil
        BS | BHS | Bahamas                                              | _bahamas
        BT | BTN | Bhutan                                               | _bhutan
        BV | BVT | Bouvet Island                                        | _bouvetIsland
        BW | BWA | Botswana                                             | _botswana
        BY | BLR | Belarus                                              | _belarus
        BZ | BLZ | Belize                                               | _belize
        CA | CAN | Canada                                               | _canada
        CC | CCK | Cocos (Keeling) Islands                              | _cocosKeelingIslands
        CD | COD | Congo, Democratic Republic of the                    | _congoTheDemocraticRepublicOfThe
        CF | CAF | Central African Republic                             | _centralAfricanRepublic
        CG | COG | Congo                                                | _congo
        CH | CHE | Switzerland                                          | _switzerland
        CI | CIV | Côte d'Ivoire                                        | _coteDIvoire
        CK | COK | Cook Islands                                         | _cookIslands
        CL | CHL | Chile                                                | _chile
        CM | CMR | Cameroon                                             | _cameroon
        CN | CHN | China                                                | _china
        CO | COL | Colombia                                             | _colombia
        CR | CRI | Costa Rica                                           | _costaRica
        CU | CUB | Cuba                                                 | _cuba
        CV | CPV | Cabo Verde                                           | _caboVerde
        CW | CUW | Curaçao                                              | _curacao
        CX | CXR | Christmas Island                                     | _christmasIsland
        CY | CYP | Cyprus                                               | _cyprus
        CZ | CZE | Czechia                                              | _czechia
        DE | DEU | Germany                                              | _germany
        DJ | DJI | Djibouti                                             | _djibouti
        DK | DNK | Denmark                                              | _denmark
        DM | DMA | Dominica                                             | _dominica
        DO | DOM | Dominican Republic                                   | _dominicanRepublic
        DZ | DZA | Algeria                                              | _algeria
        EC | ECU | Ecuador                                              | _ecuador
        EE | EST | Estonia                                              | _estonia
        EG | EGY | Egypt                                                | _egypt
        EH | ESH | Western Sahara                                       | _westernSahara
        ER | ERI | Eritrea                                              | _eritrea
        ES | ESP | Spain                                                | _spain
        ET | ETH | Ethiopia                                             | _ethiopia
        FI | FIN | Finland                                              | _finland
        FJ | FJI | Fiji                                                 | _fiji
        FK | FLK | Falkland Islands (Malvinas)                          | _falklandIslandsMalvinas
        FM | FSM | Micronesia, Federated States of                      | _micronesiaFederatedStatesOf
        FO | FRO | Faroe Islands                                        | _faroeIslands
        FR | FRA | France                                               | _france
        GA | GAB | Gabon                                                | _gabon
        GB | GBR | United Kingdom of Great Britain and Northern Ireland | _unitedKingdom
        GD | GRD | Grenada                                              | _grenada
        GE | GEO | Georgia                                              | _georgia
        GF | GUF | French Guiana                                        | _frenchGuiana
        GG | GGY | Guernsey                                             | _guernsey
        GH | GHA | Ghana                                                | _ghana
        GI | GIB | Gibraltar                                            | _gibraltar
        GL | GRL | Greenland                                            | _greenland
        GM | GMB | Gambia                                               | _gambia
        GN | GIN | Guinea                                               | _guinea
        GP | GLP | Guadeloupe                                           | _guadeloupe
        GQ | GNQ | Equatorial Guinea                                    | _equatorialGuinea
        GR | GRC | Greece                                               | _greece
        GS | SGS | South Georgia and the South Sandwich Islands         | _southGeorgiaAndTheSouthSandwichIslands
        GT | GTM | Guatemala                                            | _guatemala
        GU | GUM | Guam                                                 | _guam
        GW | GNB | Guinea-Bissau                                        | _guineaBissau
        GY | GUY | Guyana                                               | _guyana
        HK | HKG | Hong Kong                                            | _hongKong
        HM | HMD | Heard Island and McDonald Islands                    | _heardIslandAndMcdonaldIslands
        HN | HND | Honduras                                             | _honduras
        HR | HRV | Croatia                                              | _croatia
        HT | HTI | Haiti                                                | _haiti
        HU | HUN | Hungary                                              | _hungary
        ID | IDN | Indonesia                                            | _indonesia
        IE | IRL | Ireland                                              | _ireland
        IL | ISR | Israel                                               | _israel
        IM | IMN | Isle of Man                                          | _isleOfMan
        IN | IND | India                                                | _india
        IO | IOT | British Indian Ocean Territory                       | _britishIndianOceanTerritory
        IQ | IRQ | Iraq                                                 | _iraq
        IR | IRN | Iran, Islamic Republic of                            | _iranIslamicRepublicOf
        IS | ISL | Iceland                                              | _iceland
        IT | ITA | Italy                                                | _italy
        JE | JEY | Jersey                                               | _jersey
        JM | JAM | Jamaica                                              | _jamaica
        JO | JOR | Jordan                                               | _jordan
        JP | JPN | Japan                                                | _japan
        KE | KEN | Kenya                                                | _kenya
        KG | KGZ | Kyrgyzstan                                           | _kyrgyzstan
        KH | KHM | Cambodia                                             | _cambodia
        KI | KIR | Kiribati                                             | _kiribati
        KM | COM | Comoros                                              | _comoros
        KN | KNA | Saint Kitts and Nevis                                | _saintKittsAndNevis
        KP | PRK | Korea, Democratic People's Republic of               | _koreaTheDemocraticPeoplesRepublicOf
        KR | KOR | Korea, Republic of                                   | _koreaTheRepublicOf
        KW | KWT | Kuwait                                               | _kuwait
        KY | CYM | Cayman Islands                                       | _caymanIslands
        KZ | KAZ | Kazakhstan                                           | _kazakhstan
        LA | LAO | Lao People's Democratic Republic                     | _laoPeoplesDemocraticRepublic
        LB | LBN | Lebanon                                              | _lebanon
        LC | LCA | Saint Lucia                                          | _saintLucia
        LI | LIE | Liechtenstein                                        | _liechtenstein
        LK | LKA | Sri Lanka                                            | _sriLanka
        LR | LBR | Liberia                                              | _liberia
        LS | LSO | Lesotho                                              | _lesotho
        LT | LTU | Lithuania                                            | _lithuania
        LU | LUX | Luxembourg                                           | _luxembourg
        LV | LVA | Latvia                                               | _latvia
        LY | LBY | Libya                                                | _libya
        MA | MAR | Morocco                                              | _morocco
        MC | MCO | Monaco                                               | _monaco
        MD | MDA | Moldova, Republic of                                 | _moldovaTheRepublicOf
        ME | MNE | Montenegro                                           | _montenegro
        MF | MAF | Saint Martin (French part)                           | _saintMartinFrenchPart
        MG | MDG | Madagascar                                           | _madagascar
        MH | MHL | Marshall Islands                                     | _marshallIslands
        MK | MKD | North Macedonia                                      | _northMacedonia
        ML | MLI | Mali                                                 | _mali
        MM | MMR | Myanmar                                              | _myanmar
        MN | MNG | Mongolia                                             | _mongolia
        MO | MAC | Macao                                                | _macao
        MP | MNP | Northern Mariana Islands                             | _northernMarianaIslands
        MQ | MTQ | Martinique                                           | _martinique
        MR | MRT | Mauritania                                           | _mauritania
        MS | MSR | Montserrat                                           | _montserrat
        MT | MLT | Malta                                                | _malta
        MU | MUS | Mauritius                                            | _mauritius
        MV | MDV | Maldives                                             | _maldives
        MW | MWI | Malawi                                               | _malawi
        MX | MEX | Mexico                                               | _mexico
        MY | MYS | Malaysia                                             | _malaysia
        MZ | MOZ | Mozambique                                           | _mozambique
        NA | NAM | Namibia                                              | _namibia
        NC | NCL | New Caledonia                                        | _newCaledonia
        NE | NER | Niger                                                | _niger
        NF | NFK | Norfolk Island                                       | _norfolkIsland
        NG | NGA | Nigeria                                              | _nigeria
        NI | NIC | Nicaragua                                            | _nicaragua
        NL | NLD | Netherlands, Kingdom of the                          | _netherlands
        NO | NOR | Norway                                               | _norway
        NP | NPL | Nepal                                                | _nepal
        NR | NRU | Nauru                                                | _nauru
        NU | NIU | Niue                                                 | _niue
        NZ | NZL | New Zealand                                          | _newZealand
        OM | OMN | Oman                                                 | _oman
        PA | PAN | Panama                                               | _panama
        PE | PER | Peru                                                 | _peru
        PF | PYF | French Polynesia                                     | _frenchPolynesia
        PG | PNG | Papua New Guinea                                     | _papuaNewGuinea
        PH | PHL | Philippines                                          | _philippines
        PK | PAK | Pakistan                                             | _pakistan
        PL | POL | Poland                                               | _poland
        PM | SPM | Saint Pierre and Miquelon                            | _saintPierreAndMiquelon
        PN | PCN | Pitcairn                                             | _pitcairn
        PR | PRI | Puerto Rico                                          | _puertoRico
        PS | PSE | Palestine, State of                                  | _palestineStateOf
        PT | PRT | Portugal                                             | _portugal
        PW | PLW | Palau                                                | _palau
        PY | PRY | Paraguay                                             | _paraguay
        QA | QAT | Qatar                                                | _qatar
        RE | REU | Réunion                                              | _reunion
        RO | ROU | Romania                                              | _romania
        RS | SRB | Serbia                                               | _serbia
        RU | RUS | Russian Federation                                   | _russianFederation
        RW | RWA | Rwanda                                               | _rwanda
        SA | SAU | Saudi Arabia                                         | _saudiArabia
        SB | SLB | Solomon Islands                                      | _solomonIslands
        SC | SYC | Seychelles                                           | _seychelles
        SD | SDN | Sudan                                                | _sudan
        SE | SWE | Sweden                                               | _sweden
        SG | SGP | Singapore                                            | _singapore
        SH | SHN | Saint Helena, Ascension and Tristan da Cunha         | _saintHelenaAscensionAndTristanDaCunha
        SI | SVN | Slovenia                                             | _slovenia
        SJ | SJM | Svalbard and Jan Mayen                               | _svalbardAndJanMayen
        SK | SVK | Slovakia                                             | _slovakia
        SL | SLE | Sierra Leone                                         | _sierraLeone
        SM | SMR | San Marino                                           | _sanMarino
        SN | SEN | Senegal                                              | _senegal
        SO | SOM | Somalia                                              | _somalia
        SR | SUR | Suriname                                             | _suriname
        SS | SSD | South Sudan                                          | _southSudan
        ST | STP | Sao Tome and Principe                                | _saoTomeAndPrincipe
        SV | SLV | El Salvador                                          | _elSalvador
        SX | SXM | Sint Maarten (Dutch part)                            | _sintMaartenDutchPart
        SY | SYR | Syrian Arab Republic                                 | _syrianArabRepublic
        SZ | SWZ | Eswatini                                             | _eswatini
        TC | TCA | Turks and Caicos Islands                             | _turksAndCaicosIslands
        TD | TCD | Chad                                                 | _chad
        TF | ATF | French Southern Territories                          | _frenchSouthernTerritories
        TG | TGO | Togo                                                 | _togo
        TH | THA | Thailand                                             | _thailand
        TJ | TJK | Tajikistan                                           | _tajikistan
        TK | TKL | Tokelau                                              | _tokelau
        TL | TLS | Timor-Leste                                          | _timorLeste
        TM | TKM | Turkmenistan                                         | _turkmenistan
        TN | TUN | Tunisia                                              | _tunisia
        TO | TON | Tonga                                                | _tonga
        TR | TUR | Türkiye                                              | _turkiye
        TT | TTO | Trinidad and Tobago                                  | _trinidadAndTobago
        TV | TUV | Tuvalu                                               | _tuvalu
        TW | TWN | Taiwan, Province of China                            | _taiwan
        TZ | TZA | Tanzania, United Republic of                         | _tanzaniaTheUnitedRepublicOf
        UA | UKR | Ukraine                                              | _ukraine
        UG | UGA | Uganda                                               | _uganda
        UM | UMI | United States Minor Outlying Islands                 | _unitedStatesMinorOutlyingIslands
        US | USA | United States of America                             | _unitedStates
        UY | URY | Uruguay                                              | _uruguay
        UZ | UZB | Uzbekistan                                           | _uzbekistan
        VA | VAT | Holy See                                             | _holySee
        VC | VCT | Saint Vincent and the Grenadines                     | _saintVincentAndTheGrenadines
        VE | VEN | Venezuela, Bolivarian Republic of                    | _venezuelaBolivarianRepublicOf
        VG | VGB | Virgin Islands (British)                             | _virginIslandsBritish
        VI | VIR | Virgin Islands (U.S.)                                | _virginIslandsUS
        VN | VNM | Viet Nam                                             | _vietNam
        VU | VUT | Vanuatu                                              | _vanuatu
        WF | WLF | Wallis and Futuna                                    | _wallisAndFutunaIslands
        WS | WSM | Samoa                                                | _samoa
        YE | YEM | Yemen                                                | _yemen
        YT | MYT | Mayotte                                              | _mayotte
        ZA | ZAF | South Africa                                         | _southAfrica
        ZM | ZMB | Zambia                                               | _zambia
        ZW | ZWE | Zimbabwe                                             | _zimbabwe
        """;
}
