using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Vendors;

/// <summary>
/// The commercial terms of an engagement: contract value in an ISO currency, the term, and the SLA (uptime and P1
/// response). Everything may be unknown while the engagement is proposed; contracting needs them (see VendorEngagement).
/// </summary>
public sealed record EngagementTerms
{
    public EngagementTerms(decimal? contractValue, string? currency, DateOnly? start, DateOnly? end, decimal? uptimePercent, int? p1ResponseHours)
    {
        if (contractValue is < 0)
        {
            throw new DomainException("The contract value cannot be negative.");
        }

        var code = string.IsNullOrWhiteSpace(currency) ? null : currency.Trim().ToUpperInvariant();
        if (code is not null && (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)))
        {
            throw new DomainException("The currency is a three-letter ISO code, e.g. EUR.");
        }

        if (contractValue is not null && code is null)
        {
            throw new DomainException("Say which currency the contract value is in.");
        }

        if (start is not null && end is not null && end < start)
        {
            throw new DomainException("The engagement cannot end before it starts.");
        }

        if (uptimePercent is <= 0 or > 100)
        {
            throw new DomainException("The uptime commitment is a percentage above 0 and at most 100.");
        }

        if (p1ResponseHours is <= 0)
        {
            throw new DomainException("The P1 response time is at least one hour.");
        }

        ContractValue = contractValue;
        Currency = code;
        Start = start;
        End = end;
        UptimePercent = uptimePercent;
        P1ResponseHours = p1ResponseHours;
    }

    public static EngagementTerms None { get; } = new(null, null, null, null, null, null);

    public decimal? ContractValue { get; }

    public string? Currency { get; }

    public DateOnly? Start { get; }

    public DateOnly? End { get; }

    public decimal? UptimePercent { get; }

    public int? P1ResponseHours { get; }

    public bool HasSla => UptimePercent is not null && P1ResponseHours is not null;
}
