import { describe, expect, it } from 'vitest';
import { Random } from '../../../../samples/generate/random.js';
import { maskEmail, maskIdentifier, maskValue } from './mask.js';
import {
  address, chineseName, email, englishName, internationalPhone, isoBirthDate, mobile, residentId, ssn,
} from './planted-values.js';

describe('maskValue', () => {
  it('keeps a quarter at each end, four characters at most, and stars the rest', () => {
    expect(maskValue('11010519491231002X')).toBe('1101**********002X');
    expect(maskValue('13812345678')).toBe('13*******78');
    expect(maskValue('123-45-6789')).toBe('12*******89');
    expect(maskValue('Anna Smith')).toBe('An******th');
    expect(maskValue('abc')).toBe('a**');
    expect(maskValue('x')).toBe('*');
    expect(maskValue('')).toBe('');
  });

  it('counts characters, not UTF-16 units, so Chinese text keeps whole characters', () => {
    expect(maskValue('王伟')).toBe('王*');
    expect(maskValue('北京市朝阳区建国路88号')).toBe('北京市******88号');
    expect(maskValue('𠀀𠀁')).toBe('𠀀*');
  });
});

describe('maskEmail', () => {
  it('shows the first letter of the local part and the domain, and the top-level domain', () => {
    expect(maskEmail('john.smith@example.com')).toBe('j***@e***.com');
    expect(maskEmail('13812345678@163.com')).toBe('1***@1***.com');
    expect(maskEmail('a@b')).toBe('a***@b***');
    expect(maskIdentifier('wei.li@hospital.org.cn', 'email')).toBe('w***@h***.cn');
    expect(maskIdentifier('not an address', 'email')).toBe(maskValue('not an address'));
  });
});

describe('masking never shows a whole value', () => {
  it('hides at least half of every planted identifier and never contains it', () => {
    const random = new Random(7, 'mask-property');
    const makers: [string, (r: Random) => string][] = [
      ['national_id', residentId], ['phone', mobile], ['phone', internationalPhone], ['ssn', ssn], ['email', email],
      ['person_name', englishName], ['person_name', chineseName], ['address', address], ['birth_date', isoBirthDate],
    ];
    for (let i = 0; i < 5000; i++) {
      const [kind, make] = random.pick(makers);
      const value = make(random);
      const masked = maskIdentifier(value, kind);
      expect(masked).not.toBe(value);
      expect(masked.includes(value)).toBe(false);
      if (kind !== 'email') {
        const chars = Array.from(value);
        const shown = Array.from(masked).filter((ch, at) => ch !== '*' && ch === chars[at]).length;
        expect(Array.from(masked).length).toBe(chars.length);
        expect(shown * 2).toBeLessThanOrEqual(chars.length);
      }
    }
  });
});
