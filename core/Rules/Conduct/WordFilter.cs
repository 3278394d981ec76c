using System.Runtime.CompilerServices;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// A one-hash bit filter over the listed words (length, first two and last letters): most words of a text are in no
/// list, and this turns them away in a few nanoseconds before any dictionary lookup. False positives only cost a lookup.
/// </summary>
internal sealed class WordFilter
{
    private const int Bits = 1 << 15;

    private readonly ulong[] _bits = new ulong[Bits / 64];

    public WordFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var hash = Hash(word);
            _bits[hash >> 6] |= 1UL << (hash & 63);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }
        var hash = Hash(word);
        return (_bits[hash >> 6] & (1UL << (hash & 63))) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> word)
    {
        var second = word.Length > 1 ? word[1] : '\0';
        var hash = (uint)((word.Length * 0x9E3779B1) ^ (word[0] * 0x85EBCA77u) ^ (second * 0xC2B2AE3Du) ^ (word[^1] * 0x27D4EB2Fu));
        return (int)((hash ^ (hash >> 15)) & (Bits - 1));
    }
}
