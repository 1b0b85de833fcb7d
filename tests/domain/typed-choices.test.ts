import { describe, expect, it } from 'vitest';
import type { Choice } from '../../src/domain/message-model.js';
import { parseTypedChoice, renderChoicesAsText } from '../../src/domain/typed-choices.js';

const SEND_EDIT: Choice[] = [
  { value: 'send', label: 'Gửi' },
  { value: 'edit', label: 'Sửa' },
];

describe('renderChoicesAsText', () => {
  it('appends numbered lines after a blank line', () => {
    expect(renderChoicesAsText('Gửi phản ánh này?', SEND_EDIT)).toBe('Gửi phản ánh này?\n\n1. Gửi\n2. Sửa');
  });

  it('leaves the text alone without choices, and prints only the lines without text', () => {
    expect(renderChoicesAsText('Xin chào', [])).toBe('Xin chào');
    expect(renderChoicesAsText('', SEND_EDIT)).toBe('1. Gửi\n2. Sửa');
  });
});

describe('parseTypedChoice', () => {
  it.each([
    ['1', 'send'],
    ['2', 'edit'],
    [' 2 ', 'edit'],
    ['1.', 'send'],
    ['(2)', 'edit'],
    ['số 1', 'send'],
    ['so 2', 'edit'],
    ['#1', 'send'],
  ])('the number %j → %s', (typed, value) => {
    expect(parseTypedChoice(typed, SEND_EDIT)).toBe(value);
  });

  it.each([
    ['Gửi', 'send'],
    ['gửi', 'send'],
    ['gui', 'send'],
    ['GUI', 'send'],
    ['Gửi!', 'send'],
    ['sua', 'edit'],
    ['suwar', 'edit'],
    ['  Sửa  ', 'edit'],
  ])('the label %j → %s', (typed, value) => {
    expect(parseTypedChoice(typed, SEND_EDIT)).toBe(value);
  });

  it('understands labels with several words and chat abbreviations', () => {
    const choices: Choice[] = [
      { value: 'done', label: 'Đã xử lý' },
      { value: 'absent', label: 'Không còn' },
      { value: 'help', label: 'Cần hỗ trợ' },
    ];
    expect(parseTypedChoice('da xu ly', choices)).toBe('done');
    expect(parseTypedChoice('ĐÃ XỬ LÝ', choices)).toBe('done');
    expect(parseTypedChoice('ko còn', choices)).toBe('absent');
    expect(parseTypedChoice('can ho tro', choices)).toBe('help');
    expect(parseTypedChoice('3', choices)).toBe('help');
  });

  it('accepts the value itself', () => {
    expect(parseTypedChoice('edit', SEND_EDIT)).toBe('edit');
  });

  it.each([['3'], ['0'], ['12'], ['0912345678'], ['gửi đi'], [''], ['   '], ['có tờ rơi ở cột điện']])(
    '%j is not a choice',
    (typed) => {
      expect(parseTypedChoice(typed, SEND_EDIT)).toBeUndefined();
    },
  );

  it('is undefined without choices, and for a label two choices share', () => {
    expect(parseTypedChoice('1', [])).toBeUndefined();
    const twins: Choice[] = [
      { value: 'a', label: 'Hòa' },
      { value: 'b', label: 'Hoà' },
    ];
    expect(parseTypedChoice('hoa', twins)).toBeUndefined();
    expect(parseTypedChoice('2', twins)).toBe('b');
  });
});
