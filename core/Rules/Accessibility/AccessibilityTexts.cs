namespace SocialMonitor.Core.Rules.Accessibility;

/// <summary>The words and advice of the <c>accessibility</c> rules (<see cref="AccessibilityRule"/>).</summary>
public static class AccessibilityTexts
{
    public static readonly IReadOnlyList<RuleText> All =
    [
        new(AccessibilityRule.AltText, "A photo without alt text",
            "Edit the post and add alt text to the photo that says what it shows (in the photo's settings)."),
        new(AccessibilityRule.Captions, "A video without captions", "Add captions to the video (the platform can draft them; check them)."),
        new(AccessibilityRule.HashtagCase, "A hashtag that screen readers cannot read",
            "Edit the post and write the hashtag with a capital at the start of each word (#StoryTime)."),
    ];
}
