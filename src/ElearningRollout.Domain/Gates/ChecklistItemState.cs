namespace ElearningRollout.Domain.Gates;

public enum ChecklistItemState
{
    Open,
    Met,
    NotApplicable,
    Failed,
}
