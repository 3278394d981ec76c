using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Rules.LinkDomain;

public sealed class LinkOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValidAndResolutionIsOff()
    {
        var options = new LinkOptions();

        Assert.Empty(options.Validate());
        Assert.False(options.Resolve);
        Assert.Null(options.PublicSuffixListPath);
    }

    [Theory]
    [InlineData(nameof(LinkOptions.Shorteners), "bit.ly, https://x.org", "Links__Shorteners")]
    [InlineData(nameof(LinkOptions.Shorteners), "nodot", "Links__Shorteners")]
    [InlineData(nameof(LinkOptions.PublicSuffixList), "/no/such/public_suffix_list.dat", "Links__PublicSuffixList")]
    [InlineData(nameof(LinkOptions.MaxRedirects), "0", "Links__MaxRedirects")]
    [InlineData(nameof(LinkOptions.ResolveTimeoutSeconds), "61", "Links__ResolveTimeoutSeconds")]
    public void Validate_BadValue_NamesTheSetting(string property, string value, string setting)
    {
        var options = new LinkOptions();
        var info = typeof(LinkOptions).GetProperty(property)!;
        info.SetValue(options, info.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        Assert.Contains(options.Validate(), m => m.Contains(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void ExtraShorteners_CommaSeparated_AreTrimmedAndLowercase() =>
        Assert.Equal(["go.example.org", "s.example.net"], new LinkOptions { Shorteners = " Go.Example.org ,s.example.net," }.ExtraShorteners);

    [Fact]
    public void PublicSuffixListLoad_NotAList_IsRefusedNamingTheSetting()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "// nothing\ncom\n");

        var error = Assert.Throws<InvalidOperationException>(() => PublicSuffixList.Load(file));

        Assert.Contains("Links__PublicSuffixList", error.Message, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public void AddSocialMonitor_NewerPublicSuffixListSetting_IsTheListUsed()
    {
        var file = Path.GetTempFileName();
        using (var embedded = typeof(PublicSuffixList).Assembly.GetManifestResourceStream("public_suffix_list.dat")!)
        using (var copy = File.Create(file))
        {
            embedded.CopyTo(copy);
        }
        File.AppendAllText(file, "\n// newer\nclubs.example\n");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Links:PublicSuffixList"] = file }).Build();
        using var provider = new ServiceCollection().AddSocialMonitor(configuration).BuildServiceProvider();

        var list = provider.GetRequiredService<PublicSuffixList>();

        Assert.Equal("books.clubs.example", list.RegistrableDomain("www.books.clubs.example"));
        Assert.Equal("clubs.example", PublicSuffixList.Default.RegistrableDomain("www.books.clubs.example"));
        File.Delete(file);
    }
}
