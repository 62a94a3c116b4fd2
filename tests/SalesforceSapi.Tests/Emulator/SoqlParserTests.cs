using DaprSync.SalesforceEmulator.Soql;

namespace DaprSync.SalesforceSapi.Tests.Emulator;

public sealed class SoqlParserTests
{
    [Fact]
    public void Parse_RelationshipAndSubquery_BuildsSelectItems()
    {
        var query = SoqlParser.Parse(
            "SELECT Id, Account.NetSuite_Id__c, (SELECT Quantity, PricebookEntry.Product2.ProductCode "
                + "FROM OrderItems ORDER BY Id) FROM Order WHERE Id = '801000000000001AAA' LIMIT 1");

        Assert.Equal("Order", query.From);
        Assert.Equal(3, query.Select.Count);
        var relationship = Assert.IsType<SoqlFieldPath>(query.Select[1]);
        Assert.Equal(["Account", "NetSuite_Id__c"], relationship.Parts);
        var subquery = Assert.IsType<SoqlSubquery>(query.Select[2]).Query;
        Assert.Equal("OrderItems", subquery.From);
        var nested = Assert.IsType<SoqlFieldPath>(subquery.Select[1]);
        Assert.Equal("PricebookEntry.Product2.ProductCode", nested.ToString());
        Assert.Single(subquery.OrderBy);
        Assert.Equal(1, query.Limit);
    }

    [Fact]
    public void Parse_Precedence_AndBindsTighterThanOr()
    {
        var query = SoqlParser.Parse("SELECT Id FROM Account WHERE Name = 'a' OR Name = 'b' AND NOT Phone = null");

        var or = Assert.IsType<SoqlOr>(query.Where);
        Assert.IsType<SoqlComparison>(or.Left);
        var and = Assert.IsType<SoqlAnd>(or.Right);
        Assert.IsType<SoqlNot>(and.Right);
    }

    [Theory]
    [InlineData(@"'Bob\'s Burgers'", "Bob's Burgers")]
    [InlineData(@"'C:\\temp'", @"C:\temp")]
    [InlineData(@"'line\nbreak'", "line\nbreak")]
    [InlineData(@"'say \""hi\""'", "say \"hi\"")]
    public void Parse_StringEscapes_Unescapes(string literal, string expected)
    {
        var query = SoqlParser.Parse($"SELECT Id FROM Account WHERE Name = {literal}");

        var comparison = Assert.IsType<SoqlComparison>(query.Where);
        Assert.Equal(expected, comparison.Value.Value);
    }

    [Fact]
    public void Parse_Literals_HaveTheirTypes()
    {
        var query = SoqlParser.Parse(
            "SELECT Id FROM Order WHERE EffectiveDate >= 2026-01-31 AND LastModifiedDate > 2026-02-01T10:00:00Z "
                + "AND Name IN ('x', 'y') AND NetSuite_Order_Id__c NOT IN ('1') AND Id != null "
                + "ORDER BY Name DESC NULLS LAST, Id LIMIT 10 OFFSET 5");

        var literals = new List<object?>();
        Collect(query.Where!, literals);
        Assert.Equal(new DateOnly(2026, 1, 31), literals[0]);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), literals[1]);
        Assert.Equal("x", literals[2]);
        Assert.Null(literals[^1]);
        Assert.True(query.OrderBy[0].Descending);
        Assert.False(query.OrderBy[0].NullsFirst);
        Assert.True(query.OrderBy[1].NullsFirst);
        Assert.Equal(5, query.Offset);
    }

    [Theory]
    [InlineData("SELECT Id FRM Account", "unexpected token: FRM", 11)]
    [InlineData("SELECT Id FROM Account WHERE", "unexpected token: <EOF>", 29)]
    [InlineData("SELECT Id FROM Account WHERE Name = 'open", "unterminated string literal", 37)]
    [InlineData("SELECT Id FROM Account WHERE Name = 'a\\d'", "Illegal character sequence '\\d'", 39)]
    [InlineData("SELECT Id, FROM Account", "unexpected token: FROM", 12)]
    public void Parse_MalformedQuery_RaisesWithColumn(string soql, string reason, int column)
    {
        var exception = Assert.Throws<SoqlException>(() => SoqlParser.Parse(soql));

        Assert.Equal("MALFORMED_QUERY", exception.ErrorCode);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        var message = exception.FormatMessage(soql);
        Assert.StartsWith($"\n{soql}\n{new string(' ', column - 1)}^\n", message, StringComparison.Ordinal);
        Assert.Contains($"ERROR at Row:1:Column:{column}\n", message, StringComparison.Ordinal);
    }

    private static void Collect(SoqlCondition condition, List<object?> literals)
    {
        switch (condition)
        {
            case SoqlAnd and:
                Collect(and.Left, literals);
                Collect(and.Right, literals);
                break;
            case SoqlComparison comparison:
                literals.Add(comparison.Value.Value);
                break;
            case SoqlIn list:
                literals.AddRange(list.Values.Select(value => value.Value));
                break;
        }
    }
}
