import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/notify.ts';
import { useAuth, type Me, type Role } from '../../app/auth.tsx';
import { LoadError, Loading } from '../../components/States.tsx';
import { isLocale } from '../../i18n/index.ts';
import { AuthFrame } from './AuthFrame.tsx';

interface Invitation {
  email: string;
  role: Role;
  projectName: string;
  hasAccount?: boolean;
}

/** `/invite/:token`: the invited person sets their name and password and is signed in. */
export function InvitePage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const { signedIn, setLocale } = useAuth();
  const navigate = useNavigate();
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => api<Invitation>(`/invitations/${encodeURIComponent(token)}`) });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: { name: name.trim(), password } });
      const chosen = i18n.language;
      signedIn(me);
      if (isLocale(chosen) && chosen !== me.locale) await setLocale(chosen).catch(() => undefined);
      navigate('/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const inv = invitation.data;
  return (
    <AuthFrame
      title={t('invite.title')}
      subtitle={inv && <Trans i18nKey="invite.subtitle" values={{ project: inv.projectName, role: t(`roles.${inv.role}`) }} components={{ b: <b /> }} />}
    >
      {invitation.isPending && <Loading />}
      {invitation.isError && <LoadError error={invitation.error} />}
      {inv && (
        <form onSubmit={submit}>
          <Stack gap="md">
            {error && <Alert color="red" variant="light" icon={<IconAlertCircle />}>{error}</Alert>}
            <TextInput label={t('login.email')} value={inv.email} readOnly variant="filled" />
            <TextInput label={t('invite.name')} name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} autoFocus />
            <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} label={t('invite.password')} name="password" autoComplete="new-password" description={t('invite.passwordHint')} required minLength={8} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={busy} fullWidth mt="xs">{t('invite.submit')}</Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
