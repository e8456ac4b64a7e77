namespace TriageBot.Sandbox;

/// <summary>Deterministic embeddings: a signed hashed bag of lower-cased words, L2-normalised.</summary>
internal static class HashedEmbedding
{
    public static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var hash = Fnv1a(text.AsSpan(start, i - start));
                vector[(int)(hash % (uint)dimensions)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
                start = -1;
            }
        }
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            vector[0] = 1f; // an empty text still gets a unit vector
            return vector;
        }
        for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    private static uint Fnv1a(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash ^= char.ToLowerInvariant(c);
            hash *= 16777619u;
        }
        // Finalise so that the low bits (the index) and the top bit (the sign) are both well mixed.
        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return hash;
    }

    public static string ToBase64(float[] vector)
    {
        var bytes = new byte[vector.Length * 4];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length); // little-endian on every platform .NET runs here
        return Convert.ToBase64String(bytes);
    }
}
