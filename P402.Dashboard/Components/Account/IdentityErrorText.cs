using Microsoft.AspNetCore.Identity;

namespace P402.Dashboard.Components.Account;

/// <summary>
/// Identity's errors in plain words, each said once: a taken email is one message (Identity reports it both as a
/// taken user name and a taken email), the password rules one sentence.
/// </summary>
internal static class IdentityErrorText
{
    public static string Describe(IEnumerable<IdentityError> errors)
    {
        var messages = new List<string>();
        var passwordRules = new List<string>();
        foreach (var error in errors)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail):
                    messages.Add("An account with this email already exists. Log in, or reset its password if you forgot it.");
                    break;
                case nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName):
                    messages.Add("That does not look like an email address.");
                    break;
                case nameof(IdentityErrorDescriber.PasswordTooShort):
                    passwordRules.Add("at least 8 characters");
                    break;
                case nameof(IdentityErrorDescriber.PasswordRequiresDigit):
                    passwordRules.Add("a digit");
                    break;
                case nameof(IdentityErrorDescriber.PasswordRequiresLower):
                    passwordRules.Add("a lower-case letter");
                    break;
                case nameof(IdentityErrorDescriber.PasswordRequiresUpper):
                    passwordRules.Add("an upper-case letter");
                    break;
                case nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric):
                    passwordRules.Add("a symbol such as ! or -");
                    break;
                case nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars):
                    passwordRules.Add("more different characters");
                    break;
                default:
                    messages.Add(error.Description);
                    break;
            }
        }
        if (passwordRules.Count > 0)
        {
            messages.Add($"The password needs {string.Join(", ", passwordRules)}.");
        }
        return string.Join(" ", messages.Distinct(StringComparer.Ordinal));
    }
}
