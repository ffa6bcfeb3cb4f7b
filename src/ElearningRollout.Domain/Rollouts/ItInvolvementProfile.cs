namespace ElearningRollout.Domain.Rollouts;

/// <summary>How deeply IT must be involved; derived by <see cref="ItInvolvement.Derive"/>, never typed in.</summary>
public enum ItInvolvementProfile
{
    Light,
    Standard,
    Deep,
}
