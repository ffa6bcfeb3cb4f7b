using CsCheck;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>Generators of the input an attacker, a clumsy paste or a broken client would send.</summary>
internal static class Hostile
{
    private static readonly string[] NastyText =
    [
        "", " ", "\t\r\n", "\0", "\u0007\u001b[31mred", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>", "'; DROP TABLE Rollouts; --", "=HYPERLINK(\"http://evil\")", "@SUM(1+1)", "../../etc/passwd",
        "\u202Egnp.exe", "\uFEFFbom", "Ω≈ç√∫˜µ≤≥÷", "👩‍👩‍👧‍👦🚀", "e\u0301\u0301\u0301", "\uD800", "null", "NaN", "-1",
        new string('x', 100_000), new string('é', 5_000), string.Concat(Enumerable.Repeat("<b>", 2_000)),
    ];

    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf(NastyText)),
        (2, Gen.String),
        (1, Gen.Char.Array[0, 3_000].Select(chars => new string(chars))),
        (2, Gen.OneOf(NastyText).Array[1, 4].Select(string.Concat)),
        (2, Gen.OneOf("Course media on the network", "SSO with the LMS", "Licences")));

    public static readonly Gen<string?> NullableText = Gen.Frequency((1, Gen.Const((string?)null)), (5, Text.Select(t => (string?)t)));

    public static readonly Gen<int> Int = Gen.Frequency(
        (2, Gen.OneOf(0, 1, -1, int.MinValue, int.MaxValue, 1_000_000_000)),
        (2, Gen.Int),
        (2, Gen.Int[0, 5_000]));

    public static readonly Gen<int?> NullableInt = Gen.Frequency((1, Gen.Const((int?)null)), (5, Int.Select(i => (int?)i)));

    public static readonly Gen<decimal?> Decimal = Gen.Frequency(
        (1, Gen.Const((decimal?)null)),
        (2, Gen.OneOf<decimal?>(0m, -1m, -0.01m, 0.001m, 1e-28m, decimal.MaxValue, decimal.MinValue, 999_999_999_999.99m, 12.345m)),
        (2, Gen.Decimal.Select(d => (decimal?)d)),
        (2, Gen.Int[-1_000, 100_000].Select(i => (decimal?)i)));

    public static readonly Gen<DateOnly?> Date = Gen.Frequency(
        (1, Gen.Const((DateOnly?)null)),
        (2, Gen.OneOf<DateOnly?>(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1900, 1, 1), new DateOnly(2026, 11, 2), new DateOnly(2027, 6, 1))),
        (2, Gen.DateOnly.Select(d => (DateOnly?)d)),
        (2, Gen.Int[-400, 900].Select(days => (DateOnly?)new DateOnly(2026, 11, 2).AddDays(days))));

    /// <summary>Any int as the enum, so values no form offers (-1, 99, combined flags) come too.</summary>
    public static Gen<T> Enum<T>() where T : struct, System.Enum => Gen.Frequency(
        (3, Gen.OneOf(System.Enum.GetValues<T>())),
        (1, Int.Select(i => (T)(object)i)));

    public static readonly Gen<Guid> Version = Gen.Frequency((4, Gen.Const(Guid.Empty)), (1, Gen.Guid));
}
