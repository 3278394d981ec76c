using SocialMonitor.Core.Notifications;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Notifications;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("call me at 208-555-0199 tonight", "call me at (***) ***-**99 tonight")]
    [InlineData("cell (208) 555.0187", "cell (***) ***-**87")]
    [InlineData("+1 208 555 0123", "(***) ***-**23")]
    [InlineData("write dana.r@gmail.com", "write d***@gmail.com")]
    [InlineData("ssn 123-45-6789", "ssn ***-**-****")]
    [InlineData("card 4111 1111 1111 1111", "card **** **** **** 1111")]
    [InlineData("my card is 21234000567890", "my card is ************90")]
    public void Mask_PersonalData_IsMasked(string text, string expected)
    {
        Assert.Equal(expected, CreateSut().Mask(text));
    }

    [Theory]
    [InlineData("Call the library at (208) 555-0140")]
    [InlineData("Write info@communitylibrary.net or sam.lee@communitylibrary.net")]
    [InlineData("Storytime is at 10:30 on 2026-10-15, ages 0-5")]
    public void Mask_PublishedContactsAndOrdinaryText_AreKept(string text)
    {
        Assert.Equal(text, CreateSut().Mask(text));
    }

    private static PersonalDataMasker CreateSut() => new(TestPolicy.Default);
}
