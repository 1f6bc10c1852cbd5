using LeadsAgent.Domain.Engine;
using static LeadsAgent.Tests.Unit.Entities.EntityTestData;

namespace LeadsAgent.Tests.Unit.Entities;

/// <summary>Phone numbers and email addresses said in words, in Spanish and the other languages of the catalogue, as transcribed.</summary>
public class SpokenNumbersAndEmailsTests
{
    static string? Phone(string text, string timeZone = "America/Chicago") => EntityExtractor.FirstPhone(text, In(timeZone));

    [Theory]
    [InlineData("cinco cinco cinco, uno dos tres, cuatro cinco seis siete")]
    [InlineData("mi número es el cinco cinco cinco uno dos tres cuarenta y cinco sesenta y siete")]
    [InlineData("quinientos cincuenta y cinco, ciento veintitrés, cuarenta y cinco, sesenta y siete")]
    [InlineData("doble cinco cinco, uno dos tres, cuatro cinco seis siete")]
    [InlineData("Cinco, cinco, cinco. Uno, dos, tres. Cuatro, cinco, seis, siete.")]
    [InlineData("cinco cinco cinco este uno dos tres cuatro cinco seis siete")]
    [InlineData("555 uno dos tres 4567")]
    public void FirstPhone_SpanishSpokenNumbers_AreRead(string text) => Assert.Equal("+15551234567", Phone(text));

    [Theory]
    [InlineData("five five five one two three four five six seven", "+15551234567")]
    [InlineData("five fifty five, one two three, forty five sixty seven", "+15551234567")]
    [InlineData("five five five one two three fourty five sixty seven", "+15551234567")]
    [InlineData("five five five um one two three four five six seven", "+15551234567")]
    [InlineData("one eight hundred five five five one two one two", "+18005551212")]
    [InlineData("five five five, one two three, two thousand", "+15551232000")]
    [InlineData("5 5 5 1 2 3 4 5 6 7", "+15551234567")]
    [InlineData("five five five dash one two three dash four five six seven", "+15551234567")]
    public void FirstPhone_EnglishSpokenNumbers_AreRead(string text, string expected) => Assert.Equal(expected, Phone(text));

    [Theory]
    [InlineData("cinco cinco cinco, uno dos tres, cuatro cinco seis siete", "America/Mexico_City", "+525551234567")]
    [InlineData("seis doce, treinta y cuatro, cincuenta y seis, setenta y ocho", "Europe/Madrid", "+34612345678")]
    [InlineData("612 34 56 78", "Europe/Madrid", "+34612345678")]
    [InlineData("oh two oh, seven nine four six, oh nine five eight", "Europe/London", "+442079460958")]
    [InlineData("zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit", "Europe/Paris", "+33612345678")]
    [InlineData("null eins sieben zwei, drei vier fünf, sechs sieben acht neun", "Europe/Berlin", "+491723456789")]
    [InlineData("tre tre tre, uno due tre, quattro cinque sei sette", "Europe/Rome", "+393331234567")]
    [InlineData("onze, nove meia meia meia meia, um dois três quatro", "America/Sao_Paulo", "+5511966661234")]
    [InlineData("nove um dois, três quatro cinco, seis sete oito", "Europe/Lisbon", "+351912345678")]
    public void FirstPhone_NumbersOfOtherCountries_TakeTheBusinessCountry(string text, string timeZone, string expected) =>
        Assert.Equal(expected, Phone(text, timeZone));

    [Theory]
    [InlineData("room 1234567")]
    [InlineData("I have two kids and one dog")]
    [InlineData("five five five")]
    [InlineData("oh, it's leaking again")]
    [InlineData("tengo dos baños y tres cuartos")]
    [InlineData("zéro six douze trente-quatre cinquante-six soixante-dix-huit")] // a French mobile is no North American number
    public void FirstPhone_NumbersThatAreNoPhone_AreNotRead(string text) => Assert.Null(Phone(text));

    [Theory]
    [InlineData("juan punto pérez arroba gmail punto com", "juan.perez@gmail.com")]
    [InlineData("mi correo es ana guion bajo ruiz arroba hotmail punto es", "ana_ruiz@hotmail.es")]
    [InlineData("juan.perez arroba gmail.com", "juan.perez@gmail.com")]
    [InlineData("es carlos guion lopez arroba yahoo punto com punto mx", "carlos-lopez@yahoo.com.mx")]
    [InlineData("marie point dupont arobase orange point fr", "marie.dupont@orange.fr")]
    [InlineData("max punkt muller at web punkt de", "max.muller@web.de")]
    [InlineData("luca punto rossi chiocciola libero punto it", "luca.rossi@libero.it")]
    [InlineData("joao ponto silva arroba uol ponto com ponto br", "joao.silva@uol.com.br")]
    public void FirstEmail_SpokenInTheOtherLanguages_IsRead(string text, string expected) => Assert.Equal(expected, EntityExtractor.FirstEmail(text));

    [Theory]
    [InlineData("john dot smith at gmail dot com", "john.smith@gmail.com")]
    [InlineData("my email is john smith at gmail dot com", "johnsmith@gmail.com")]
    [InlineData("j o h n at yahoo dot com", "john@yahoo.com")]
    [InlineData("john underscore smith eighty two at outlook dot com", "john_smith82@outlook.com")]
    [InlineData("it's jane at example dot co dot uk", "jane@example.co.uk")]
    [InlineData("email me at john at gmail dot com", "john@gmail.com")]
    [InlineData("maria dash lopez at icloud dot com.", "maria-lopez@icloud.com")]
    [InlineData("Jane.Doe@Example.com", "jane.doe@example.com")]
    public void FirstEmail_SpokenInEnglish_IsRead(string text, string expected) => Assert.Equal(expected, EntityExtractor.FirstEmail(text));

    [Theory]
    [InlineData("call me at noon")]
    [InlineData("I'm at home dot")]
    [InlineData("meet me at the office")]
    [InlineData("jane at example")]
    public void FirstEmail_OrdinaryAt_IsNoAddress(string text) => Assert.Null(EntityExtractor.FirstEmail(text));

    [Theory]
    [InlineData("forty two oak street", "42 oak street")]
    [InlineData("calle mayor numero doce", "calle mayor numero 12")]
    [InlineData("it's a one way street", "it's a one way street")]
    [InlineData("I had it fixed once before", "I had it fixed once before")]
    public void WithNumerals_WritesSpokenNumbersAsDigits(string text, string expected) => Assert.Equal(expected, SpokenNumbers.WithNumerals(text));
}
