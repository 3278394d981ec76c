using SocialMonitor.Core.Platforms;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Platforms;

public sealed class KeyVaultTokenSourceTests : IDisposable
{
    private const string Token = "EAAGpagetokenvalue1";
    private readonly FakeKeyVault _vault = new();
    private readonly FakeCredential _credential = new();

    [Fact]
    public async Task GetAsync_SecretExists_ReturnsItWithTheCredentialsToken()
    {
        _vault.Seed("cln-postfalls-fb-token", Token);

        var token = await CreateSut().GetAsync("cln-postfalls-fb-token", TestContext.Current.CancellationToken);

        Assert.Equal(Token, token);
        Assert.Equal([FakeCredential.Token], _vault.BearerTokens);
        Assert.Equal(["https://vault.azure.net/.default"], _credential.Scopes);
    }

    [Fact]
    public async Task GetAsync_NoSuchSecret_ThrowsKeyNotFoundNamingTokenAndVault()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => CreateSut().GetAsync("cln-hayden-fb-token", TestContext.Current.CancellationToken));

        Assert.Contains("'cln-hayden-fb-token'", error.Message, StringComparison.Ordinal);
        Assert.Contains(FakeKeyVault.VaultUri.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_IdentityLacksTheRole_ThrowsNamingTheRoleNeverTheValue()
    {
        _vault.Seed("cln-postfalls-fb-token", Token);
        _vault.Forbidden = true;

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CreateSut().GetAsync("cln-postfalls-fb-token", TestContext.Current.CancellationToken));

        Assert.Contains("Key Vault Secrets User", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Officer", error.Message, StringComparison.Ordinal);
        Assert.Contains("'cln-postfalls-fb-token'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cln_postfalls_fb")]
    [InlineData("cln.postfalls")]
    public async Task GetAsync_NameNoVaultCanHold_ThrowsNamingItWithoutCallingTheVault(string name)
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => CreateSut().GetAsync(name, TestContext.Current.CancellationToken));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("letters, digits and '-'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_vault.BearerTokens);
    }

    [Fact]
    public async Task GetAsync_TokenRotatedInTheVault_ReturnsTheNewVersion()
    {
        _vault.Seed("cln-x-token", "old-token");
        var sut = CreateSut();
        Assert.Equal("old-token", await sut.GetAsync("cln-x-token", TestContext.Current.CancellationToken));

        _vault.Seed("cln-x-token", "rotated-token");

        Assert.Equal("rotated-token", await sut.GetAsync("cln-x-token", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void TokenSource_ReadsOnly_HasNoWayToWriteASecret() =>
        Assert.Equal(["GetAsync"], typeof(ITokenSource).GetMethods().Select(m => m.Name));

    public void Dispose() => _vault.Dispose();

    private KeyVaultTokenSource CreateSut() => new(_vault.Client(_credential));
}
