using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Web.Api.V1;

/// <summary>One page of a list: <paramref name="Page"/> is 1-based; <paramref name="TotalCount"/> counts the rows of all pages.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

internal static class ApiPage
{
    public static ApiPage<T> Of<T>(Page<T> page, PageRequest request) => new(page.Items, request.PageIndex + 1, request.SafeSize, page.TotalCount);
}

/// <summary>A created rollout: its code, the key of every other rollout request.</summary>
public sealed record CreatedRollout(string Code);

/// <summary>A lifecycle move (activate, put on hold, resume, go live, close, cancel) and, where the move asks for one, its reason.</summary>
public sealed class LifecycleMoveRequest
{
    public LifecycleAction Action { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A phase to skip or to send the rollout back to, with the reason the rollout's record keeps.</summary>
public sealed class PhaseMoveRequest
{
    public PhaseKind Phase { get; set; }

    public string Reason { get; set; } = "";
}

/// <summary>
/// Checklist items to set in one save. Each carries <c>seenSetAt</c>, the item's <c>setAt</c> as the client read it
/// (null if it was never set): an item someone else set since refuses the whole save (409), as on the gate page.
/// </summary>
public sealed class ChecklistUpdateRequest
{
    public List<ChecklistItemChange> Items { get; set; } = [];
}

/// <summary>Submit a gate for review: the reviewer defaults to the rollout's IT liaison (or sponsor), the due date to 10 working days.</summary>
public sealed class GateSubmissionRequest
{
    public string? ReviewerId { get; set; }

    public DateOnly? DueDate { get; set; }
}

/// <summary>The go-live sign-off's optional rationale.</summary>
public sealed class SignOffRequest
{
    public string? Rationale { get; set; }
}
