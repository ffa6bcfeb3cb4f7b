namespace ElearningRollout.Application.Common;

/// <summary>A page of a server-side paged list: zero-based index and a bounded size.</summary>
public sealed record PageRequest(int PageIndex = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;

    public int SafeSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public int Skip => Math.Max(PageIndex, 0) * SafeSize;
}

/// <summary>One page of rows and the number of rows in all pages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);
