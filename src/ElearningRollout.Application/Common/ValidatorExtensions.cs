using FluentValidation;

namespace ElearningRollout.Application.Common;

internal static class ValidatorExtensions
{
    /// <summary>Runs the validator on the server; any failure becomes field messages and nothing is written.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T model, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(model, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationFailedException(result.Errors
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
        }
    }
}
