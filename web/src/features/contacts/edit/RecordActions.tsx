import { Button } from '@mantine/core';
import { IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { notifyError, notifySuccess } from '../../../api/notify.ts';
import { hasRole, projectPath, useProject } from '../../../app/project.tsx';
import { useConfirm } from '../../../components/useConfirm.tsx';
import type { Account, Contact } from '../api.ts';
import { useDirectoryWrites } from '../edit-api.ts';
import { AccountFormModal } from './AccountFormModal.tsx';
import { ContactFormModal } from './ContactFormModal.tsx';

/** Delete with an "are you sure?" first; admins only (a deletion loses history), then back to the list. */
function useDelete(kind: 'contact' | 'account', id: string, name: string) {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const navigate = useNavigate();
  const writes = useDirectoryWrites();
  const mutation = kind === 'contact' ? writes.deleteContact : writes.deleteAccount;
  const { modal, ask } = useConfirm();
  const button = (
    <Button variant="default" color="red" c="red" leftSection={<IconTrash size={16} />} loading={mutation.isPending}
      onClick={() => ask({
        title: t(`${kind}Form.deleteTitle`),
        body: t(`${kind}Form.deleteBody`, { name }),
        confirm: t('contactForm.delete'),
        onConfirm: () => mutation.mutate(id, {
          onSuccess: () => { notifySuccess(t(`${kind}Form.deleted`, { name })); navigate(projectPath(projectId, kind === 'contact' ? 'contacts' : 'accounts')); },
          onError: notifyError,
        }),
      })}>
      {t('contactForm.delete')}
    </Button>
  );
  return { modal, button };
}

/** "Edit" for supervisors and admins, "Delete" for admins, on a contact's page. */
export function ContactActions({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const { role } = useProject();
  const [editing, setEditing] = useState(false);
  const del = useDelete('contact', contact.id, contact.name);
  if (!hasRole(role, 'supervisor')) return null;
  return (
    <>
      {hasRole(role, 'admin') && del.button}
      <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>{t('contactForm.edit')}</Button>
      <ContactFormModal opened={editing} onClose={() => setEditing(false)} contact={contact} onSaved={() => notifySuccess(t('contactForm.saved'))} />
      {del.modal}
    </>
  );
}

/** "New contact" at this account and "Edit" for supervisors and admins, "Delete" for admins, on an account's page. */
export function AccountActions({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { projectId, role } = useProject();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<'account' | 'contact' | null>(null);
  const del = useDelete('account', account.id, account.name);
  if (!hasRole(role, 'supervisor')) return null;
  return (
    <>
      {hasRole(role, 'admin') && del.button}
      <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('contact')}>{t('contactForm.new')}</Button>
      <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing('account')}>{t('contactForm.edit')}</Button>
      <AccountFormModal opened={editing === 'account'} onClose={() => setEditing(null)} account={account} onSaved={() => notifySuccess(t('contactForm.saved'))} />
      <ContactFormModal opened={editing === 'contact'} onClose={() => setEditing(null)} account={account}
        onSaved={(c) => navigate(projectPath(projectId, 'contacts', c.id))} />
      {del.modal}
    </>
  );
}
