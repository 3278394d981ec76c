using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>Masked profanity (symbols inside a word) and Spanish profanity (issue 19), and the innocent words that look like them.</summary>
public sealed class MaskedAndSpanishProfanityTests
{
    [Theory]
    [InlineData("f*ck the new parking rules", "fuck")]
    [InlineData("this is such b*llsh*t", "bullshit")]
    [InlineData("what the f**k is this hold policy", "fuck")]
    [InlineData("that was sh*tty service", "shit")]
    [InlineData("the whole thing is a clusterf#ck", "fuck")]
    public void Evaluate_MaskedProfanity_IsFoundAsTheWord(string text, string term)
    {
        var detection = Assert.Single(ConductText.Detections(text));

        Assert.Equal(ConductRule.Profanity, detection.Rule);
        Assert.Equal(term, detection.EvidenceKey);
    }

    [Theory]
    [InlineData("*New* hours start Monday!")]
    [InlineData("**Saturday** story time is back")]
    [InlineData("C# and F# class at Hayden, room #3.")]
    [InlineData("Prices* may vary; see #storytime")]
    public void Evaluate_EmphasisHashtagsAndNames_AreNotMasked(string text) => Assert.Empty(ConductText.Rules(text));

    [Theory]
    [InlineData("No mames, ya cerraron temprano.", "no mames")]
    [InlineData("Qué pinche frío hace en Athol.", "pinche")]
    [InlineData("Esa junta fue una mierda.", "mierda")]
    [InlineData("Son unos pendejos.", "pendejo")]
    public void Evaluate_SpanishProfanity_IsProfanity(string text, string term) =>
        Assert.Contains(term, ConductText.Detections(text).Where(d => d.Rule == ConductRule.Profanity).Select(d => d.EvidenceKey));

    [Theory]
    [InlineData("La computadora de Hayden no funciona.")]
    [InlineData("La disputa en la junta fue respetuosa.")]
    [InlineData("Vimos una culebra en el parque.")]
    [InlineData("El diputado habló de la reputación de la biblioteca.")]
    public void Evaluate_SpanishWordsWithTheSameLetters_AreNoFinding(string text) => Assert.Empty(ConductText.Rules(text));
}
