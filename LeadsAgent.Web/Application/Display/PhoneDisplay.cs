using PhoneNumbers;

namespace LeadsAgent.Web.Application.Display;

/// <summary>
/// Phone numbers as an owner reads and taps them, through libphonenumber (Google's metadata): "(555) 201-4477" for
/// a number in the business's own country, "+44 20 7946 0018" for any other, and a tel: link with the E.164 form.
/// </summary>
public static class PhoneDisplay
{
    static readonly PhoneNumberUtil s_util = PhoneNumberUtil.GetInstance();

    /// <summary>The number formatted for reading; the input as given when it is not a phone number.</summary>
    public static string Format(string? number, string homeRegion = "US")
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "";
        }

        try
        {
            var parsed = s_util.Parse(number, homeRegion);
            if (!s_util.IsPossibleNumber(parsed))
            {
                return number;
            }

            // Same country code reads nationally even for numbers the metadata does not know (the 555 range).
            var sameCountry = parsed.CountryCode == s_util.GetCountryCodeForRegion(homeRegion);
            return s_util.Format(parsed, sameCountry ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return number;
        }
    }

    /// <summary>"tel:+15552014477", or null when the text is not a phone number one could call.</summary>
    public static string? TelLink(string? number, string homeRegion = "US")
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        try
        {
            var parsed = s_util.Parse(number, homeRegion);
            return s_util.IsPossibleNumber(parsed) ? "tel:" + s_util.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
