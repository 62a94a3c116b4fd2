using System.Xml.Linq;

namespace DaprSync.Deploy.Tests;

public sealed class NetSuiteProjectTests
{
    private static string Source => RepositoryPaths.File("deploy", "netsuite", "src");

    [Theory]
    [InlineData("custentity_dsync_sf_account_id", "entitycustomfield", "appliestocustomer")]
    [InlineData("custentity_dsync_duns_number", "entitycustomfield", "appliestocustomer")]
    [InlineData("custbody_dsync_sf_order_id", "transactionbodycustomfield", "bodysale")]
    [InlineData("custcol_dsync_sf_order_item_id", "transactioncolumncustomfield", "colsale")]
    public void CustomField_IsDefined(string scriptId, string objectType, string appliesTo)
    {
        var root = XDocument.Load(Path.Combine(Source, "Objects", scriptId + ".xml")).Root!;

        Assert.Equal(objectType, root.Name.LocalName);
        Assert.Equal(scriptId, root.Attribute("scriptid")?.Value);
        Assert.Equal("TEXT", root.Element("fieldtype")?.Value);
        Assert.Equal("T", root.Element(appliesTo)?.Value);
    }

    [Fact]
    public void Manifest_IsAccountCustomization()
    {
        var manifest = XDocument.Load(Path.Combine(Source, "manifest.xml")).Root!;

        Assert.Equal("manifest", manifest.Name.LocalName);
        Assert.Equal("ACCOUNTCUSTOMIZATION", manifest.Attribute("projecttype")?.Value);
        Assert.False(string.IsNullOrEmpty(manifest.Element("projectname")?.Value));
    }

    [Fact]
    public void DeployFile_DeploysObjects()
    {
        var deploy = XDocument.Load(Path.Combine(Source, "deploy.xml")).Root!;

        Assert.Equal("~/Objects/*", deploy.Element("objects")?.Element("path")?.Value);
    }

    [Fact]
    public void ObjectFiles_NamedByScriptId()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Source, "Objects"), "*.xml").ToList();

        Assert.Equal(8, files.Count);
        foreach (var file in files)
        {
            var root = XDocument.Load(file).Root!;
            Assert.Equal(Path.GetFileNameWithoutExtension(file), root.Attribute("scriptid")?.Value);
        }
    }
}
