/**
 * Passwords refused because they are among the most common (ASVS 6.2.x): a short global list plus
 * Vietnamese favourites. Compared case-insensitively after NFC.
 */
const COMMON = `123456 123456789 12345678 password qwerty123 qwerty 1234567890 1234567 111111 123123 abc123
password1 iloveyou 000000 1q2w3e4r 1qaz2wsx qwertyuiop 654321 555555 666666 888888 88888888 66666666
987654321 123321 7777777 121212 11111111 12341234 112233 159753 147258369 123456a 123456aa a123456
admin admin123 administrator welcome welcome1 letmein monkey dragon sunshine princess football baseball
matkhau matkhau123 matkhau1 anhyeuem anhyeuem123 emyeuanh yeuemmaimai vietnam vietnam123 hanoi hanoi123
saigon 0123456789 0987654321 12345678910 123456789a abcd1234 abcdef aaaaaaaa passw0rd p@ssw0rd
password123 12344321 99999999 23456789 zxcvbnm asdfghjk changeme dangvien dangvien123 sotaydangvien
chibo123 bithu123 dangcongsan dcsvn dcsvn123 tochuc123 motdentam 12345678a 11223344 55555555 77777777
00000000 88889999 iloveyou1 hoangsa truongsa hochiminh bacho bacho123 quehuong tuoitre thanhnien`.split(/\s+/);

const COMMON_SET = new Set(COMMON);

export function isCommonPassword(password: string): boolean {
  const lowered = password.normalize("NFC").toLowerCase();
  return COMMON_SET.has(lowered);
}
