using System.Globalization;
using System.Text.RegularExpressions;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>
/// An amount in one currency. Adding or subtracting two currencies throws: a total that silently
/// mixes EUR and USD is wrong however it is displayed, so the code must never ask for one.
/// </summary>
public sealed partial record Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money left, Money right) => new(left.Amount + SameCurrency(left, right).Amount, left.Currency);

    public static Money operator -(Money left, Money right) => new(left.Amount - SameCurrency(left, right).Amount, left.Currency);

    public static Money operator *(Money money, int times) => new(money.Amount * times, money.Currency);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(int times) => this * times;

    public override string ToString() => $"{Amount.ToString("N2", CultureInfo.InvariantCulture)} {Currency}";

    /// <summary>Three upper-case letters, as ISO 4217 writes them (EUR, USD, GBP).</summary>
    public static bool IsCurrencyCode(string? code) => code is not null && CurrencyCode().IsMatch(code);

    /// <summary>Amounts are kept to the cent; more decimals would make allocations disagree with invoices.</summary>
    /// <summary>A trillion: far above any real cost, and low enough that totals over years and lines never overflow decimal.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    internal static string RequireCurrency(string? code) => IsCurrencyCode(code)
        ? code!
        : throw new DomainException("The currency must be a three-letter ISO 4217 code in capitals, such as EUR.");

    internal static decimal RequireAmount(decimal amount, string what)
    {
        if (amount <= 0)
        {
            throw new DomainException($"{what} must be more than zero.");
        }

        return HasAtMostTwoDecimals(amount) ? amount : throw new DomainException($"{what} can have at most two decimals (cents).");
    }

    private static Money SameCurrency(Money left, Money right) => left.Currency == right.Currency
        ? right
        : throw new InvalidOperationException(
            $"Amounts in {left.Currency} and {right.Currency} cannot be added together; keep a total per currency.");

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
