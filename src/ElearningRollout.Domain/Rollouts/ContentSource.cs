namespace ElearningRollout.Domain.Rollouts;

/// <summary>Who builds the courses; outsourced or mixed content means a vendor is involved.</summary>
public enum ContentSource
{
    InHouse,
    Outsourced,
    Mixed,
}
